using System.Net;
using ReflectionWorkshop.ScaleOut.Tests.Support;

namespace ReflectionWorkshop.ScaleOut.Tests;

/// <summary>What an operator sees when a server the configuration names is not there.</summary>
[Collection(ClusterCollection.Name)]
public sealed class StartupChecksTests(Cluster cluster)
{
    [ScaleOutFact]
    public async Task An_unreachable_PostgreSQL_server_stops_the_start_with_a_plain_message()
    {
        var settings = cluster.Settings();
        settings["ConnectionStrings__Default"] = $"Host=127.0.0.1;Port={Tools.FreePort()};Database=reflection;Username=postgres;Timeout=2";
        settings["Database__StartupWaitSeconds"] = "3";
        await using var instance = new AppInstance("no-database", settings);

        await instance.StartAsync(waitHealthy: false);

        Assert.Equal(1, await instance.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        Assert.True(
            instance.Log.Contains("could not be reached within 3 seconds", StringComparison.Ordinal) && instance.Log.Contains("Check that PostgreSQL is running", StringComparison.Ordinal),
            "The log does not say plainly that PostgreSQL could not be reached:\n" + instance.Log);
    }

    [ScaleOutFact]
    public async Task Healthz_reports_a_Redis_server_that_does_not_answer()
    {
        var settings = cluster.Settings();
        settings["ConnectionStrings__Redis"] = $"127.0.0.1:{Tools.FreePort()},connectTimeout=1000";
        await using var instance = new AppInstance("no-redis", settings);
        await instance.StartAsync(waitHealthy: false);
        using var client = new HttpClient { BaseAddress = instance.Address, Timeout = TimeSpan.FromSeconds(20) };

        HttpStatusCode? status = null;
        await Wait.UntilAsync(
            async () =>
            {
                try
                {
                    using var response = await client.GetAsync("/healthz");
                    status = response.StatusCode;
                    return true;
                }
                catch (HttpRequestException)
                {
                    return instance.HasExited;
                }
            },
            TimeSpan.FromSeconds(60),
            "the instance to answer /healthz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        using var healthy = await new HttpClient().GetAsync(new Uri(cluster.A.Address, "healthz"));
        Assert.Equal(HttpStatusCode.OK, healthy.StatusCode);
    }
}
