using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ReflectionWorkshop.Infrastructure.Catalog;
using ReflectionWorkshop.Infrastructure.Identity;
using ReflectionWorkshop.Infrastructure.Persistence;
using ReflectionWorkshop.Suggestions;
using ReflectionWorkshop.Web;
using ReflectionWorkshop.Web.Accounts;
using ReflectionWorkshop.Web.Facilitation;
using ReflectionWorkshop.Web.Hosting;
using ReflectionWorkshop.Web.Live;
using ReflectionWorkshop.Web.Localization;
using ReflectionWorkshop.Web.Participation;
using ReflectionWorkshop.Web.Spaces;
using ReflectionWorkshop.Web.Themes;

// `backup PATH`: a safe copy of a running SQLite installation's database, then exit (README, docs/deploy.md).
if (BackupCommand.Matches(args))
{
    return await BackupCommand.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(args);
builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);

// `dotnet run` serves from the build output, where the compressed copies of wwwroot and the npm
// packages live in obj/; outside Development ASP.NET Core only looks there when asked. A published
// app has no such manifest, so this changes nothing there.
builder.WebHost.UseStaticWebAssets();
builder.AddWorkshopResponses();

var activityFolder = Path.GetFullPath(builder.Configuration["Activities:Folder"] ?? "seed-content/activities", AppContext.BaseDirectory);

// SQLite by default; PostgreSQL when Database:Provider says so (docs/deploy.md, ADR-009).
builder.AddWorkshopDatabase();
builder.AddWorkshopWebFarm();
builder.AddWorkshopHttps();
builder.Services.AddSingleton(_ => ShippedActivities.Read(activityFolder));
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<ParticipantCookie>();
builder.Services.AddSingleton<CodeGuesses>();
builder.Services.AddSingleton<SignInThrottle>();
builder.Services.AddSingleton<PendingRegistrations>();
builder.Services.AddSingleton<TakeawayLinks>();
builder.Services.Configure<MailSettings>(builder.Configuration.GetSection("Mail"));
if (builder.Configuration.GetSection("Mail").Get<MailSettings>() is { IsConfigured: true })
{
    builder.Services.AddSingleton<IAccountMailer, SmtpAccountMailer>();
}
else
{
    builder.Services.AddSingleton<IAccountMailer, LoggingAccountMailer>();
}
builder.Services.AddSingleton<SummaryMailLinks>();
builder.Services.AddSingleton<SummaryMailQueue>();
builder.Services.AddScoped<SummaryMails>();
builder.Services.AddHostedService<SummaryMailJob>();
builder.Services.AddHttpContextAccessor();
builder.Services.AddLocalization();
builder.Services.AddScoped<SpaceAccess>();
builder.Services.AddSingleton<IThemeSuggester, ThemeSuggester>();
builder.Services.AddSingleton<ThemeEngine>();
builder.Services.AddHostedService<ThemeEngineWarmUp>();
builder.Services.AddScoped<ThemeBoards>();

// The application services: a page binds its form, calls one of these and renders (docs/architecture.md).
builder.Services.AddScoped<Joining>();
builder.Services.AddScoped<PhoneReading>();
builder.Services.AddScoped<Answering>();
builder.Services.AddScoped<Steering>();
builder.Services.AddScoped<RoomReading>();
builder.Services.AddScoped<Retention>();
builder.Services.AddHostedService<RetentionJob>();
builder.Services.AddSignalR().AddWorkshopBackplane(builder.Configuration);
builder.Services.AddSingleton<LiveUpdates>();
builder.Services.AddSingleton<StepViews>();

// Keys live in the database: a restart, a new build or a second instance keeps every cookie and form valid.
builder.Services.AddDataProtection()
    .SetApplicationName("ReflectionWorkshop")
    .PersistKeysToDbContext<AppDbContext>();

var authentication = builder.Services.AddAuthentication(IdentityConstants.ApplicationScheme);
authentication.AddIdentityCookies();

// "Sign in with Microsoft / Google / …": one OpenID Connect handler per provider the settings name, none by default.
var singleSignOnProblems = new List<string>();
authentication.AddWorkshopSingleSignOn(builder.Configuration, singleSignOnProblems);
builder.Services.AddIdentityCore<AppUser>(options =>
    {
        options.User.RequireUniqueEmail = true;
        options.Password.RequiredLength = 10;
        options.Password.RequireNonAlphanumeric = false;
        options.Password.RequireUppercase = false;
        options.Password.RequireLowercase = false;
        options.Password.RequireDigit = false;

        // No account lockout: anyone knowing an email could set it off. Failed sign-ins hold off an address instead (SignInThrottle).
        options.Lockout.AllowedForNewUsers = false;
    })
    .AddEntityFrameworkStores<AppDbContext>()
    .AddSignInManager()
    .AddClaimsPrincipalFactory<AppClaimsFactory>()
    .AddWorkshopIdentityText()
    .AddCommonPasswordCheck()
    .AddDefaultTokenProviders();
builder.Services.ConfigureApplicationCookie(options =>
{
    options.LoginPath = "/account/login";
    options.LogoutPath = "/account/logout";
    options.AccessDeniedPath = "/account/denied";
    options.Cookie.Name = "rw-account";
    options.Cookie.HttpOnly = true;
    options.Cookie.SameSite = SameSiteMode.Lax;
    options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
    options.SlidingExpiration = true;
    options.ExpireTimeSpan = TimeSpan.FromDays(14);
});
// Every request checks the account's security stamp: removing an account, or changing or resetting its password, ends
// every sign-in of it at once (the default re-checks every 30 minutes, and a removed account's requests then failed).
builder.Services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.Zero);
builder.Services.AddAuthorizationBuilder()
    .AddPolicy(AppClaimsFactory.AdministratorClaim, policy => policy.RequireClaim(AppClaimsFactory.AdministratorClaim, "true"));

builder.Services.AddWorkshopLocalization();
builder.Services.AddRazorPages(options =>
{
    // Every facilitator and coach page sits in one of these folders; resource checks (SpaceAccess) come on top.
    options.Conventions.AuthorizeFolder("/Facilitate");
    options.Conventions.AuthorizeFolder("/Spaces");
    options.Conventions.AuthorizeFolder("/Admin", AppClaimsFactory.AdministratorClaim);
    options.Conventions.AuthorizePage("/Account/Password");
    options.Conventions.AuthorizePage("/Account/Index");
}).AddWorkshopValidationText();
builder.Services.AddBoundedTempData();
builder.Services.Configure<RouteOptions>(options => options.LowercaseUrls = true);
builder.Services.AddWorkshopRateLimits();
builder.Services.AddHealthChecks().AddDbContextCheck<AppDbContext>("database").AddWorkshopRedisCheck(builder.Configuration);

builder.AddWorkshopTelemetry();

var app = builder.Build();
foreach (var problem in singleSignOnProblems)
{
    app.Logger.LogWarning("Single sign-on: {Problem}", problem);
}

if (!await Startup.PrepareAsync(app))
{
    return 1;
}

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error");
}

app.UseForwardedHeaders();
app.UseWorkshopMetricsEndpoint();
app.UseWorkshopHttps();
app.UseWorkshopResponses();
app.UseStatusCodePagesWithReExecute("/NotFound");
app.UseSecurityHeaders();
app.UseRouting();
app.UseAuthentication();
app.UseRequestLocalization();
app.UseRateLimiter();
app.UseAuthorization();
app.UseAntiforgery();
app.MapStaticAssets();
app.MapRazorPages().WithStaticAssets();
app.MapHub<SessionHub>(SessionHub.Path);
app.MapHealthChecks("/healthz");
app.Lifetime.ApplicationStarted.Register(() => Startup.AnnounceUrls(app));

await app.RunAsync();
return 0;

/// <summary>Visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
