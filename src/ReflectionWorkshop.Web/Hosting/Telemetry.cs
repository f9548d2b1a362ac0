using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging.Console;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using ReflectionWorkshop.Infrastructure.Diagnostics;

namespace ReflectionWorkshop.Web.Hosting;

/// <summary>
/// What whoever runs the installation can watch (issue 22), all off unless configured:
/// <list type="bullet">
/// <item><c>Metrics:Prometheus:Token</c> serves the meters at <c>/metrics</c> in Prometheus' text format, only to a
/// scraper sending <c>Authorization: Bearer &lt;token&gt;</c>; anyone else gets the usual 404.</item>
/// <item><c>OTEL_EXPORTER_OTLP_ENDPOINT</c> (the OpenTelemetry standard variable) exports the meters and traces (requests,
/// outgoing HTTP, EF Core commands) over OTLP.</item>
/// <item><c>Logging:Json</c> = true writes the console log as one JSON object per line, for log shippers.</item>
/// </list>
/// The meters: ASP.NET Core's own, and ours (<see cref="WorkshopMetrics"/>).
/// </summary>
public static class Telemetry
{
    public const string MetricsPath = "/metrics";

    public static WebApplicationBuilder AddWorkshopTelemetry(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        if (configuration.GetValue("Logging:Json", false))
        {
            builder.Logging.AddConsole(options => options.FormatterName = ConsoleFormatterNames.Json);
        }

        var otlp = configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        var prometheus = ScrapeToken(configuration) is not null;
        if (otlp is null && !prometheus)
        {
            return builder;
        }

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("reflection-workshop"))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(WorkshopMetrics.MeterName).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation();
                if (prometheus)
                {
                    // No cached scrape: each scrape shows the meters as they are (scrapes come every few seconds at most).
                    metrics.AddPrometheusExporter(options => options.ScrapeResponseCacheDurationMilliseconds = 0);
                }

                if (otlp is not null)
                {
                    metrics.AddOtlpExporter();
                }
            });
        if (otlp is not null)
        {
            telemetry.WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddEntityFrameworkCoreInstrumentation()
                .AddOtlpExporter());
        }

        return builder;
    }

    /// <summary>The scrape endpoint, answered only to the token's holder (never public: it tells how busy every room is).</summary>
    public static void UseWorkshopMetricsEndpoint(this WebApplication app)
    {
        if (ScrapeToken(app.Configuration) is not { } token)
        {
            return;
        }

        var expected = Encoding.UTF8.GetBytes("Bearer " + token);
        app.UseOpenTelemetryPrometheusScrapingEndpoint(context =>
            context.Request.Path == MetricsPath
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(context.Request.Headers.Authorization.ToString()), expected));
    }

    private static string? ScrapeToken(IConfiguration configuration) =>
        configuration["Metrics:Prometheus:Token"] is { Length: > 0 } token ? token : null;
}
