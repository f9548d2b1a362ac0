using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using ReflectionWorkshop.Infrastructure.Catalog;
using ReflectionWorkshop.Infrastructure.Persistence;
using ReflectionWorkshop.Web;
using ReflectionWorkshop.Web.Participation;

var builder = WebApplication.CreateBuilder(args);

var connectionString = SqliteDatabase.ResolveConnectionString(
    builder.Configuration.GetConnectionString("Default") ?? "Data Source=App_Data/reflection-workshop.db",
    builder.Environment.ContentRootPath);
var dataFolder = Path.GetDirectoryName(SqliteDatabase.FilePath(connectionString)) ?? builder.Environment.ContentRootPath;
var activityFolder = Path.GetFullPath(builder.Configuration["Activities:Folder"] ?? "seed-content/activities", AppContext.BaseDirectory);

builder.Services.AddDbContext<AppDbContext>(options => options.UseSqlite(connectionString));
builder.Services.AddSingleton(_ => ShippedActivities.Read(activityFolder));
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<ParticipantCookie>();

// Participant cookies are protected with these keys; they live beside the database so a restart
// (or a new build) does not sign every phone out of its session.
builder.Services.AddDataProtection()
    .SetApplicationName("ReflectionWorkshop")
    .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataFolder, "keys")));

builder.Services.AddRazorPages(options =>
{
    // Accounts come in their own issue: every facilitator page lives under /Facilitate so one
    // AuthorizeFolder("/Facilitate") convention can close them all.
    options.Conventions.AddPageRoute("/Join/Code", "/j/{code}");
});
builder.Services.AddHealthChecks().AddDbContextCheck<AppDbContext>("database");

var app = builder.Build();

if (!await Startup.PrepareAsync(app))
{
    return 1;
}

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error");
}

app.UseStatusCodePagesWithReExecute("/NotFound");
app.UseSecurityHeaders();
app.UseRouting();
app.UseAntiforgery();
app.MapStaticAssets();
app.MapRazorPages().WithStaticAssets();
app.MapHealthChecks("/healthz");
app.Lifetime.ApplicationStarted.Register(() => Startup.AnnounceUrls(app));

await app.RunAsync();
return 0;

/// <summary>Visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
