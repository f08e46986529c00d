package dev.warden.bootstrap;

/** Marks Warden's OkHttp interceptor and Azure pipeline policy, so a client never gets one twice. */
public interface WardenInterceptorMarker {}
