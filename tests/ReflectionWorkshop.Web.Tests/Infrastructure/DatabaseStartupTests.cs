using Microsoft.Data.Sqlite;
using ReflectionWorkshop.Web.Tests.Support;

namespace ReflectionWorkshop.Web.Tests.Infrastructure;

public sealed class DatabaseStartupTests
{
    [Fact]
    public async Task A_fresh_start_creates_the_database_in_wal_mode_with_only_the_catalogue()
    {
        using var app = new WorkshopFactory();
        await app.NewVisitor().GetAsync("/healthz");

        Assert.True(File.Exists(app.DatabasePath));
        await using var connection = new SqliteConnection($"Data Source={app.DatabasePath};Mode=ReadOnly");
        await connection.OpenAsync();
        Assert.Equal("wal", await ScalarAsync(connection, "PRAGMA journal_mode;"));
        Assert.Equal(8L, await ScalarAsync(connection, "SELECT COUNT(*) FROM Activities;"));
        Assert.Equal(0L, await ScalarAsync(connection, "SELECT COUNT(*) FROM Sessions;"));
    }

    [Fact]
    public async Task Answers_survive_a_restart_and_the_phone_resumes_where_it_was()
    {
        var folder = Path.Combine(Path.GetTempPath(), "rw-restart-" + Guid.NewGuid().ToString("N"));
        RunningSession session;
        System.Net.CookieContainer cookies;
        using (var first = new WorkshopFactory(folder))
        {
            var facilitator = first.NewVisitor();
            session = await facilitator.OpenSessionAsync("two-team-compare");
            var phone = first.NewVisitor();
            await phone.JoinWithCodeAsync(session.Code);
            await facilitator.StartAsync(session);
            await phone.AnswerAsync(session, ("Input.Left", "Survives"), ("Input.Right", "A restart"));
            cookies = phone.Cookies;
        }

        using var second = new WorkshopFactory(folder);
        var samePhone = second.NewVisitor(cookies);
        var screen = await samePhone.GetAsync(session.PhoneUrl);

        Assert.Equal(session.PhoneUrl, screen.Url);
        Assert.Equal(["Survives", "A restart"], screen.Document.QuerySelectorAll(".answer-compare dd").Select(d => d.TextContent.Trim()));
    }

    [Fact]
    public void A_file_that_is_not_a_sqlite_database_stops_the_start_and_is_left_untouched()
    {
        using var app = new WorkshopFactory();
        Directory.CreateDirectory(Path.GetDirectoryName(app.DatabasePath)!);
        var garbage = "this is a spreadsheet, not a database\n"u8.ToArray();
        File.WriteAllBytes(app.DatabasePath, garbage);

        var failure = Assert.ThrowsAny<Exception>(() => app.NewVisitor());

        Assert.Equal(garbage, File.ReadAllBytes(app.DatabasePath));
        Assert.Contains(app.Logs, line => line.Contains("is not a SQLite database") && line.Contains(app.DatabasePath));
        Assert.NotNull(failure);
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
