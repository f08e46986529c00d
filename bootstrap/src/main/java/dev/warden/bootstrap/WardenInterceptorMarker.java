package dev.warden.bootstrap;

/** Marks Warden's OkHttp and AWS SDK interceptors and Azure pipeline policy, so a client never gets one twice. */
public interface WardenInterceptorMarker {}
