using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ReflectionWorkshop.Web.Tests.Support;

/// <summary>
/// The real app over a throw-away SQLite file and a copy of the shipped activities (plus any extra
/// activity files a test adds), so tests can't disturb each other or a developer's database.
/// </summary>
public sealed class WorkshopFactory : WebApplicationFactory<Program>
{
    public WorkshopFactory(params (string File, string Content)[] extraActivities)
    {
        Folder = Path.Combine(Path.GetTempPath(), "rw-tests-" + Guid.NewGuid().ToString("N"));
        ActivityFolder = Path.Combine(Folder, "activities");
        Directory.CreateDirectory(ActivityFolder);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "seed-content", "activities"), "*.md"))
        {
            File.Copy(file, Path.Combine(ActivityFolder, Path.GetFileName(file)));
        }

        foreach (var (file, content) in extraActivities)
        {
            File.WriteAllText(Path.Combine(ActivityFolder, file), content);
        }

        DatabasePath = Path.Combine(Folder, "data", "test.db");
    }

    public string Folder { get; }

    public string ActivityFolder { get; }

    public string DatabasePath { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:Default", $"Data Source={DatabasePath}");
        builder.UseSetting("Activities:Folder", ActivityFolder);
        builder.UseEnvironment("Production");
    }

    /// <summary>A phone or laptop browser: its own cookies, redirects left for the test to see.</summary>
    public Visitor NewVisitor() => new(CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(Folder, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open by the test host; the temp folder is cleaned by the OS.
            }
        }
    }
}
