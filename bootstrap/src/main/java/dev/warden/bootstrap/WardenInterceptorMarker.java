package dev.warden.bootstrap;

/** Marks Warden's OkHttp interceptor so a client builder never gets it twice. */
public interface WardenInterceptorMarker {}
