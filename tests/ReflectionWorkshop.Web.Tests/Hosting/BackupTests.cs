using System.Diagnostics;
using System.Net;
using ReflectionWorkshop.Web.Tests.Support;

namespace ReflectionWorkshop.Web.Tests.Hosting;

/// <summary>
/// `backup PATH` (issue 22): a copy of the running installation's SQLite database, taken while phones are answering,
/// restores into a fresh instance with every answer acknowledged before the backup began.
/// </summary>
public sealed class BackupTests : IDisposable
{
    private const string Form = "main form";

    private readonly WorkshopFactory _app = TestActivities.FactoryWithEveryKind();
    private readonly DirectoryInfo _backups = Directory.CreateTempSubdirectory("rw-backup-");

    [Fact]
    public async Task A_backup_taken_during_a_burst_of_answers_restores_with_every_answer_acknowledged_before_it()
    {
        var facilitator = _app.NewVisitor();
        await facilitator.SignUpAsync();
        var session = await facilitator.OpenSessionAsync("every-kind");
        var phones = Enumerable.Range(1, 40).Select(i => _app.NewVisitor(address: $"10.0.1.{i}")).ToArray();
        foreach (var phone in phones)
        {
            await phone.JoinWithCodeAsync(session.Code);
        }

        await facilitator.StartAsync(session);
        for (var i = 0; i < 20; i++)
        {
            var saved = await phones[i].AnswerAsync(session, ("Input.Text", $"before the backup {i}"));
            Assert.Equal(HttpStatusCode.OK, saved.Status);
        }

        // The other twenty answer at once while the backup runs as an operator would run it: its own process.
        var target = Path.Combine(_backups.FullName, "reflection-copy.db");
        var burst = phones.Skip(20).Select((phone, i) => phone.AnswerAsync(session, ("Input.Text", $"during the backup {i}"))).ToList();
        var (exit, output) = await RunAsync("backup", target, $"--ConnectionStrings:Default=Data Source={_app.DatabasePath}");
        await Task.WhenAll(burst);

        Assert.True(exit == 0, output);
        Assert.Contains("integrity check passed", output);
        Assert.True(File.Exists(target));

        // Restore: a fresh instance whose database file is the copy.
        var restoredFolder = Directory.CreateTempSubdirectory("rw-restored-").FullName;
        Directory.CreateDirectory(Path.Combine(restoredFolder, "data"));
        File.Copy(target, Path.Combine(restoredFolder, "data", "test.db"));
        using var restored = new WorkshopFactory(restoredFolder, ("every-kind.md", TestActivities.EveryKind));
        var again = restored.NewVisitor();
        var signedIn = await again.PostAsync(await again.GetAsync("/account/login"), Form, ("Input.Email", facilitator.Email!), ("Input.Password", WorkshopSteps.Password));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var run = await again.GetAsync(session.RunUrl);

        for (var i = 0; i < 20; i++)
        {
            Assert.Contains($"before the backup {i}", run.Text);
        }

        // What the burst saved after the snapshot is simply not in the copy: the copy holds the twenty from before
        // and those of the burst its snapshot saw, each once, as the restored control page shows them.
        var during = Enumerable.Range(0, 20).Count(i => run.Text.Contains($"during the backup {i}", StringComparison.Ordinal));
        var copied = int.Parse(System.Text.RegularExpressions.Regex.Match(output, @"(\d+) answers").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(20 + during, copied);
    }

    [Fact]
    public async Task A_backup_never_overwrites_a_file_and_says_why()
    {
        await _app.NewVisitor().GetAsync("/healthz");
        var target = Path.Combine(_backups.FullName, "already-here.db");
        await File.WriteAllTextAsync(target, "an older backup");

        var (exit, output) = await RunAsync("backup", target, $"--ConnectionStrings:Default=Data Source={_app.DatabasePath}");

        Assert.Equal(1, exit);
        Assert.Contains("already exists", output);
        Assert.Equal("an older backup", await File.ReadAllTextAsync(target));
    }

    public void Dispose()
    {
        _app.Dispose();
        _backups.Delete(recursive: true);
    }

    /// <summary>Runs the built app the way the README says: <c>dotnet ReflectionWorkshop.Web.dll backup PATH</c>.</summary>
    private static async Task<(int Exit, string Output)> RunAsync(params string[] arguments)
    {
        var app = typeof(Program).Assembly.Location;
        var start = new ProcessStartInfo("dotnet", [app, .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(app)!,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var bound = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(bound.Token);
        return (process.ExitCode, await output + await errors);
    }
}
