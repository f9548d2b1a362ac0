using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace ReflectionWorkshop.Bench.Load;

/// <summary>
/// What the framework itself costs a phone, measured in the same run as the app (issue 21): the bare Kestrel +
/// SignalR app of <c>../shared/tools/floor</c>, the same number of phones, each reading one page and holding one hub
/// connection in a group. The app's memory a phone is then judged as a ratio to this, not as an absolute figure.
/// </summary>
internal static partial class Floor
{
    /// <summary>Runs the floor with <paramref name="phones"/> phones; null (said why) when it cannot be measured here.</summary>
    public static async Task<double?> MeasureAsync(int phones, CancellationToken cancellationToken)
    {
        var script = Path.GetFullPath(Path.Combine(ServerInstance.RepositoryRoot(), "..", "shared", "tools", "floor", "run.sh"));
        if (!File.Exists(script))
        {
            Console.WriteLine($"floor: {script} is not here, so floor_kb_per_phone and floor_ratio are left out");
            return null;
        }

        var start = new ProcessStartInfo("bash", [script, phones.ToString(CultureInfo.InvariantCulture)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("bash did not start");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bound.CancelAfter(TimeSpan.FromMinutes(10));
        try
        {
            await process.WaitForExitAsync(bound.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Console.WriteLine("floor: gave up after 10 minutes");
            return null;
        }

        var line = (await output).Split('\n').LastOrDefault(l => l.StartsWith("floor ", StringComparison.Ordinal));
        if (process.ExitCode != 0 || line is null || PerPhone().Match(line) is not { Success: true } match)
        {
            Console.WriteLine($"floor: {script} failed (exit {process.ExitCode}): {(await errors).Trim()}");
            return null;
        }

        Console.WriteLine(line);
        return double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"kb_per_phone=([0-9.]+)")]
    private static partial Regex PerPhone();
}
