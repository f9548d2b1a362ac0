using System.Net;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace ReflectionWorkshop.Web.Hosting;

/// <summary>
/// What several instances behind a reverse proxy need (ADR-009, docs/deploy.md): the SignalR Redis backplane
/// when <c>ConnectionStrings:Redis</c> is set, a Redis health check, the proxy's forwarded headers, and a
/// shutdown that lets in-flight requests finish. With none of it configured, one instance runs as before.
/// </summary>
public static class WebFarm
{
    public const string DefaultChannelPrefix = "ReflectionWorkshop";

    /// <summary>Every instance of one installation shares Redis channels under one prefix; another installation on the same Redis uses its own.</summary>
    public static ISignalRServerBuilder AddWorkshopBackplane(this ISignalRServerBuilder signalR, IConfiguration configuration)
    {
        if (configuration.GetConnectionString("Redis") is { Length: > 0 } redis)
        {
            var prefix = configuration["Redis:ChannelPrefix"] is { Length: > 0 } configured ? configured : DefaultChannelPrefix;
            signalR.AddStackExchangeRedis(redis, options => options.Configuration.ChannelPrefix = RedisChannel.Literal(prefix));
        }

        return signalR;
    }

    /// <summary>Adds a Redis check to /healthz when a backplane is configured.</summary>
    public static IHealthChecksBuilder AddWorkshopRedisCheck(this IHealthChecksBuilder checks, IConfiguration configuration)
    {
        if (configuration.GetConnectionString("Redis") is { Length: > 0 } redis)
        {
            checks.Services.AddSingleton(_ => new RedisHealthCheck(redis));
            checks.AddCheck<RedisHealthCheck>("redis", HealthStatus.Unhealthy, ["redis"]);
        }

        return checks;
    }

    /// <summary>
    /// Behind nginx every request comes from the proxy: trust its X-Forwarded-For/-Proto (from loopback, and from
    /// the addresses in <c>ReverseProxy:KnownProxies</c>), so rate limits see the person's address and cookies
    /// are marked Secure over HTTPS. On shutdown, requests in flight get <c>Hosting:ShutdownTimeoutSeconds</c> to finish.
    /// </summary>
    public static void AddWorkshopWebFarm(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.ForwardLimit = 1;
            foreach (var address in (builder.Configuration["ReverseProxy:KnownProxies"] ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries))
            {
                options.KnownProxies.Add(IPAddress.Parse(address));
            }
        });
        builder.Services.Configure<HostOptions>(options =>
            options.ShutdownTimeout = TimeSpan.FromSeconds(builder.Configuration.GetValue("Hosting:ShutdownTimeoutSeconds", 30)));
    }

    /// <summary>
    /// Makes sure the shared key ring has a key before the first request, so the first instance of a new
    /// installation makes it and the others read it, rather than each making its own on a first page.
    /// </summary>
    public static void WarmDataProtection(IServiceProvider services) =>
        services.GetRequiredService<IDataProtectionProvider>().CreateProtector("ReflectionWorkshop.Startup").Protect("ready");
}

/// <summary>PING to the Redis server the backplane uses; one multiplexer for the process, connected on first check.</summary>
public sealed class RedisHealthCheck(string configuration) : IHealthCheck, IAsyncDisposable
{
    private readonly SemaphoreSlim _connecting = new(1, 1);
    private ConnectionMultiplexer? _redis;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var redis = await ConnectAsync();
            var latency = await redis.GetDatabase().PingAsync().WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
            return HealthCheckResult.Healthy($"PING {latency.TotalMilliseconds:0} ms");
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("Redis does not answer: " + ex.Message);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }

        _connecting.Dispose();
    }

    private async Task<ConnectionMultiplexer> ConnectAsync()
    {
        if (_redis is { } ready)
        {
            return ready;
        }

        await _connecting.WaitAsync();
        try
        {
            var options = ConfigurationOptions.Parse(configuration);
            options.AbortOnConnectFail = false;
            return _redis ??= await ConnectionMultiplexer.ConnectAsync(options);
        }
        finally
        {
            _connecting.Release();
        }
    }
}
