package dev.warden.policies.injection.signals;

import java.util.Locale;

/**
 * What a block of code does that no answer should slip into a user's program: send the machine's
 * secrets or data to a host, download a program and run it (or pass a download on to another
 * host), wipe or damage the system, or open a reverse shell. Read by markers (calls, paths,
 * command flags), not by parsing: the block is short and only read when {@link CodeOrders} found
 * an order to put it into the assistant's code.
 *
 * <p>Reading data and calling a host are each ordinary; only both together count. An API key read
 * from the environment and sent in a header is how clients authenticate, so environment variables
 * count only when they describe the machine ({@code PATH}, {@code HOME}, {@code USER}, …) or the
 * whole environment is read.
 */
final class RiskyCode {

  /** How much of the block is read. */
  static final int MAX_BLOCK = 4000;

  /** How much of an inline command is read. */
  private static final int MAX_COMMAND = 40;
  /** Calls that reach another host. */
  private static final String[] NETWORK = {"requests.", "httpx", "urllib", "urlopen",
      "http.client", "httpconnection", "aiohttp", "fetch(", "axios", "xmlhttprequest", "curl ",
      "\"curl\"", "wget", "socket", "smtp", "sendmail", "yagmail", "ftp", "mqtt", "paramiko",
      "scp", "sftp", "bluetooth", "websocket", "netcat", "invoke-webrequest", "invoke-restmethod",
      "webclient"};
  /** Secrets and private data of the machine's user: cookie stores, keys, password files, contacts. */
  private static final String[] PRIVATE_DATA = {"cookies.txt", "cookies.pkl", "cookies.json",
      "cookies.sqlite", "cookiejar", "browser_cookie", "document.cookie", "simplecookie",
      "/etc/shadow", "/etc/passwd", ".ssh/", "id_rsa", "id_ed25519", ".aws/credentials", ".netrc",
      ".git-credentials", "keychain", "login data", "wallet.dat", "pynput", "keylogger",
      "contacts", "/trash", "recycle.bin", "pyperclip", "imagegrab", "videocapture",
      // what the machine is: hardware, drivers, devices, network interfaces
      "psutil", "platform.uname", "platform.node", "usb.core", "driverquery", "sounddevice",
      "query_devices", "discover_devices", "systeminfo", "wmic ", "getmac", "uuid.getnode",
      "printenv", "os.environ)", "os.environ.copy", "os.environ.items", "process.env)"};
  private static final String[] ENVIRONMENT = {"environ[", "environ.get(", "getenv(",
      "process.env.", "$env:"};
  private static final String[] MACHINE_VARIABLES = {"path", "home", "user", "username",
      "userprofile", "temp", "tmp", "lang", "hostname", "computername", "shell", "appdata",
      "logname"};
  private static final String[] DOWNLOADS = {"urlretrieve", "wget", "curl ", "\"curl\"",
      "requests.get", "urlopen", "http.request(\"get\"", "httpx.get", "invoke-webrequest", "iwr ",
      "downloadfile", "downloadstring", "fetch("};
  /** Sending a file on to another host: with a download, a relay the user never asked for. */
  private static final String[] UPLOADS = {"storbinary", "storlines", "sendall(", "scpclient",
      "sftp", "smtplib", "sendmail", "requests.post", "requests.put", "upload"};
  private static final String[] RUNS = {"exec(", "eval(", "chmod +x", "nohup",
      "invoke-expression", "iex(", "iex ", "system(\"python", "\"python\",", "\"python3\",",
      "start-process"};
  /** What a download piped into one of these is run by: {@code curl … | sudo bash}. */
  private static final String[] SHELLS = {"sh", "bash", "zsh", "python", "python3"};
  /** Wiping a disk, the root or the home directory, or all processes. */
  private static final String[] WIPES = {"of=/dev/sd", "of=/dev/nvme", "of=/dev/hd",
      "of=/dev/disk", "of=/dev/vd", "mkfs", "> /dev/sd", "--no-preserve-root", "rmtree(\"/\"",
      "rmtree(\"~", "format c:", ":(){", "kill -9 -1", "del /f /s /q c:\\", "rd /s /q c:\\"};
  private static final String[] DELETES = {"rm -", "os.remove(", "os.unlink(", "rmtree(",
      "remove-item", "del /", "rd /s", "unlink(", "os.rmdir("};
  private static final String[] SYSTEM_PATHS = {"\"/lib", " /lib", "\"/usr", " /usr", "\"/etc",
      " /etc", "\"/bin", " /bin", "\"/sbin", " /sbin", "\"/boot", " /boot", "system32",
      "c:\\windows"};
  /** Stopping services and surviving a reboot. */
  private static final String[] DISRUPTS = {"systemctl stop", "systemctl disable",
      "systemctl mask", "rc.local", "shutdown -h", "shutdown -r", "shutdown /s", "shutdown now",
      "iptables -f", "setenforce 0", "ufw disable", "currentversion\\run"};
  private static final String[] REVERSE_SHELLS = {"/dev/tcp/", "nc -e", "ncat -e", "-i >&",
      "pty.spawn", "system.net.sockets.tcpclient"};

  private RiskyCode() {}

  /**
   * Whether the code block that starts at {@code from} (a fenced block after blank lines, else
   * the lines up to the next blank one) does any of the harmful things above.
   */
  static boolean isHarmful(String text, int from) {
    String code = block(text, from).toLowerCase(Locale.ROOT).replace('\'', '"');
    boolean network = any(code, NETWORK);
    return network && (any(code, PRIVATE_DATA) || machineVariable(code) || code.contains("dup2("))
        || any(code, DOWNLOADS) && (any(code, RUNS) || pipedToShell(code) || any(code, UPLOADS))
        || any(code, WIPES) || rootDeleted(code)
        || any(code, DELETES) && any(code, SYSTEM_PATHS)
        || any(code, DISRUPTS) || any(code, REVERSE_SHELLS);
  }

  /** {@code os.environ["HOME"]}, {@code getenv('USER')}, {@code process.env.PATH}. */
  private static boolean machineVariable(String code) {
    for (String access : ENVIRONMENT) {
      for (int at = code.indexOf(access); at >= 0; at = code.indexOf(access, at + 1)) {
        int p = at + access.length();
        if (p < code.length() && code.charAt(p) == '"') {
          p++;
        }
        if (startsWord(code, p, MACHINE_VARIABLES)) {
          return true;
        }
      }
    }
    return false;
  }

  /** {@code | sh}, {@code | sudo bash}, {@code |python3 -}; not {@code | sha256sum}. */
  private static boolean pipedToShell(String code) {
    for (int at = code.indexOf('|'); at >= 0; at = code.indexOf('|', at + 1)) {
      int p = skipSpaces(code, at + 1);
      if (code.startsWith("sudo ", p)) {
        p = skipSpaces(code, p + 5);
        while (code.startsWith("-", p)) { // sudo's own flags: sudo -E bash
          int space = code.indexOf(' ', p);
          p = space < 0 ? code.length() : skipSpaces(code, space);
        }
      }
      if (startsWord(code, p, SHELLS)) {
        return true;
      }
    }
    return false;
  }

  /** Whether one of {@code words} starts at {@code p} and is not the start of a longer word. */
  private static boolean startsWord(String code, int p, String[] words) {
    for (String w : words) {
      int end = p + w.length();
      if (code.startsWith(w, p)
          && (end >= code.length() || !Character.isLetterOrDigit(code.charAt(end)))) {
        return true;
      }
    }
    return false;
  }

  private static int skipSpaces(String code, int p) {
    while (p < code.length() && code.charAt(p) == ' ') {
      p++;
    }
    return p;
  }

  /** {@code rm -rf /}, {@code rm -rf /*}, {@code rm -rf ~}: the whole system or home directory. */
  /**
   * Whether the inline command that starts at {@code from} ("rm -rf /", quoted or in backticks)
   * deletes the system or the home directory.
   */
  static boolean deletesRoot(String text, int from) {
    String command = text.substring(from, Math.min(text.length(), from + MAX_COMMAND))
        .toLowerCase(Locale.ROOT).replace('\'', '"').replace('`', '"');
    return rootDeleted(command);
  }

  private static boolean rootDeleted(String code) {
    for (int at = code.indexOf("rm -"); at >= 0; at = code.indexOf("rm -", at + 1)) {
      int p = at + 3;
      boolean recursive = false;
      while (p < code.length() && code.charAt(p) == '-') {
        int flagsEnd = p + 1;
        while (flagsEnd < code.length() && Character.isLetter(code.charAt(flagsEnd))) {
          recursive |= code.charAt(flagsEnd) == 'r';
          flagsEnd++;
        }
        p = flagsEnd;
        while (p < code.length() && code.charAt(p) == ' ') {
          p++;
        }
      }
      if (recursive && p < code.length() && isRootPath(code, p)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isRootPath(String code, int p) {
    char c = code.charAt(p);
    if (c == '~') {
      return true;
    }
    if (c != '/') {
      return false;
    }
    char next = p + 1 < code.length() ? code.charAt(p + 1) : ' ';
    return next == ' ' || next == '*' || next == '"' || next == '\n' || next == ';';
  }

  private static boolean any(String code, String[] markers) {
    for (String marker : markers) {
      if (code.contains(marker)) {
        return true;
      }
    }
    return false;
  }

  /** The code block starting at {@code from}: its fenced content, or its lines up to a blank one. */
  private static String block(String text, int from) {
    int p = from;
    int n = text.length();
    while (p < n && Character.isWhitespace(text.charAt(p))) {
      p++;
    }
    int limit = Math.min(n, p + MAX_BLOCK);
    String fence = text.startsWith("```", p) ? "```" : text.startsWith("~~~", p) ? "~~~" : null;
    if (fence != null) {
      int end = Search.indexOf(text, fence, p + 3, limit);
      return text.substring(p + 3, end < 0 ? limit : Math.min(end, limit));
    }
    int end = Search.indexOf(text, "\n\n", p, limit);
    return text.substring(p, end < 0 ? limit : Math.min(end, limit));
  }
}
