using System.Diagnostics.Metrics;

namespace ReflectionWorkshop.Infrastructure.Diagnostics;

/// <summary>
/// The app's own meters (issue 22), under one meter name that the OpenTelemetry set-up in the web project
/// listens to. Instruments from the runtime's System.Diagnostics.Metrics, so recording costs next to nothing
/// when nobody listens.
/// </summary>
public static class WorkshopMetrics
{
    public const string MeterName = "ReflectionWorkshop";

    private static readonly Meter Meter = new(MeterName);

    public static readonly UpDownCounter<long> PhonesConnected =
        Meter.CreateUpDownCounter<long>("reflection.phones.connected", "{phone}", "Phones following a session over the live connection");

    public static readonly Counter<long> AnswersSaved =
        Meter.CreateCounter<long>("reflection.answers.saved", "{answer}", "Answers saved (new or changed)");

    public static readonly UpDownCounter<long> WriteQueueDepth =
        Meter.CreateUpDownCounter<long>("reflection.write_queue.depth", "{write}", "Writes waiting for the SQLite writer");

    public static readonly Histogram<double> WriteQueueCommit =
        Meter.CreateHistogram<double>("reflection.write_queue.commit.duration", "ms", "Time to commit one batch of queued writes");

    public static readonly Histogram<double> StepChangeFanOut =
        Meter.CreateHistogram<double>("reflection.step_change.fan_out.duration", "ms", "Time to hand a room's new state to the live connection's groups");

    public static readonly Histogram<double> ThemeEngineDuration =
        Meter.CreateHistogram<double>("reflection.themes.duration", "ms", "Time the theme engine took for one call");

    public static readonly Histogram<long> ThemeEngineCards =
        Meter.CreateHistogram<long>("reflection.themes.cards", "{card}", "Cards given to the theme engine in one call");

    public static readonly Counter<long> SignInFailures =
        Meter.CreateCounter<long>("reflection.sign_in.failures", "{attempt}", "Sign-ins refused: wrong password, unknown email, or held off");
}
