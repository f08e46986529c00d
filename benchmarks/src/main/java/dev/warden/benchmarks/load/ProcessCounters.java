package dev.warden.benchmarks.load;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;

/**
 * The process's CPU time and the JVM's cumulative JIT and GC times at one instant: the difference
 * of two says what a phase cost, and how much of it was the JIT compiling or the collector.
 */
record ProcessCounters(long cpuNanos, long jitMillis, long gcMillis) {

  static ProcessCounters now() {
    long gc = 0;
    for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
      gc += Math.max(0, collector.getCollectionTime());
    }
    return new ProcessCounters(
        ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime(),
        ManagementFactory.getCompilationMXBean().getTotalCompilationTime(), gc);
  }

  ProcessCounters since(ProcessCounters start) {
    return new ProcessCounters(cpuNanos - start.cpuNanos, jitMillis - start.jitMillis, gcMillis - start.gcMillis);
  }
}
