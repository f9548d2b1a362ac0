using System.Collections.Concurrent;
using System.Net;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace ReflectionWorkshop.TestOidc;

/// <summary>Who signs in at the test provider: the subject stays the same for the same email unless a test sets another.</summary>
public sealed record TestPerson(string Email, string Name, bool EmailVerified = true, string? Subject = null)
{
    public string SubjectOrDefault => Subject ?? "subject-" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(Email.ToLowerInvariant())))[..16];
}

/// <summary>What is wrong with the next id tokens, for the tests of what the app refuses.</summary>
public enum TokenTrouble
{
    None,

    /// <summary>Issued for another client: its audience (and authorized party) is not the app's client id.</summary>
    WrongAudience,

    /// <summary>Expired an hour ago (well past any clock skew), and issued two hours ago.</summary>
    Expired,
}

/// <summary>
/// A real OpenID Connect provider for the tests: OpenIddict's server on Kestrel at 127.0.0.1 (a free port), with
/// discovery, its keys (ephemeral, made at start), the authorization code flow with PKCE and a confidential client.
/// Its sign-in page is a tiny form (email and name, filled in with <see cref="Person"/>) whose button signs that person
/// in. Degraded mode: no database, the one client checked by hand in <see cref="ValidateAuthorizationRequestContext"/>
/// and <see cref="ValidateTokenRequestContext"/> handlers.
/// </summary>
public sealed class TestOidcProvider : IAsyncDisposable
{
    /// <summary>The id of the submit button on the provider's sign-in page.</summary>
    public const string SignInButtonId = "test-provider-sign-in";

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, bool> _redirectUris = new(StringComparer.Ordinal);

    private TestOidcProvider(WebApplication app, string clientId, string clientSecret)
    {
        _app = app;
        ClientId = clientId;
        ClientSecret = clientSecret;
    }

    /// <summary>The issuer, e.g. http://127.0.0.1:41234/.</summary>
    public Uri Authority { get; private set; } = null!;

    public string ClientId { get; }

    public string ClientSecret { get; }

    /// <summary>Who the sign-in form offers (and signs in when its fields are left as they are).</summary>
    public TestPerson Person { get; set; } = new("pat@district.example", "Pat Provider");

    public TokenTrouble Trouble { get; set; }

    /// <summary>What the provider logged at warning level or above, for a failing test's output.</summary>
    public ConcurrentQueue<string> Problems { get; } = new();

    /// <summary>How many id tokens the provider issued.</summary>
    public int IdTokensIssued => _idTokens;

    private int _idTokens;

    /// <summary>Admits a redirect URI for the client (the app's callback, known once the app listens).</summary>
    public void AllowRedirect(Uri redirectUri) => _redirectUris[redirectUri.AbsoluteUri] = true;

    /// <summary>The app's settings that turn this provider on under <paramref name="name"/>.</summary>
    public Dictionary<string, string?> SettingsFor(string name, string displayName) => new()
    {
        [$"SingleSignOn:Providers:{name}:DisplayName"] = displayName,
        [$"SingleSignOn:Providers:{name}:Authority"] = Authority.AbsoluteUri,
        [$"SingleSignOn:Providers:{name}:ClientId"] = ClientId,
        [$"SingleSignOn:Providers:{name}:ClientSecret"] = ClientSecret,
        [$"SingleSignOn:Providers:{name}:RequireHttpsMetadata"] = "false",
    };

    public static async Task<TestOidcProvider> StartAsync(string clientId = "reflection-workshop", string clientSecret = "test-provider-secret")
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(TestOidcProvider).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Production,
        });
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        TestOidcProvider? provider = null;
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(new ProblemLoggerProvider(() => provider?.Problems));
        builder.Services.AddSingleton(_ => provider!);
        builder.Services.AddOpenIddict().AddServer(options =>
        {
            options.SetAuthorizationEndpointUris("connect/authorize")
                .SetTokenEndpointUris("connect/token");
            options.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
            options.RegisterScopes(Scopes.OpenId, Scopes.Profile, Scopes.Email);
            options.AddEphemeralEncryptionKey().AddEphemeralSigningKey();
            options.EnableDegradedMode();
            options.UseAspNetCore()
                .EnableAuthorizationEndpointPassthrough()
                .DisableTransportSecurityRequirement();

            options.AddEventHandler<ValidateAuthorizationRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                if (!string.Equals(context.ClientId, provider!.ClientId, StringComparison.Ordinal))
                {
                    context.Reject(Errors.InvalidClient, "Unknown client.");
                }
                else if (context.RedirectUri is null || !provider._redirectUris.ContainsKey(context.RedirectUri))
                {
                    context.Reject(Errors.InvalidRequest, "That redirect_uri is not registered: " + context.RedirectUri);
                }

                return default;
            }));

            options.AddEventHandler<ValidateTokenRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                if (!string.Equals(context.ClientId, provider!.ClientId, StringComparison.Ordinal)
                    || !string.Equals(context.ClientSecret, provider.ClientSecret, StringComparison.Ordinal))
                {
                    context.Reject(Errors.InvalidClient, "Wrong client id or secret.");
                }

                return default;
            }));

            // Runs right after OpenIddict prepared the id token's principal and before it is signed: a test's trouble
            // goes into a token that is otherwise real (signed with the provider's key, from the real issuer).
            options.AddEventHandler<ProcessSignInContext>(handler => handler
                .UseInlineHandler(context =>
                {
                    if (context.IdentityTokenPrincipal is not { } principal)
                    {
                        return default;
                    }

                    Interlocked.Increment(ref provider!._idTokens);
                    switch (provider.Trouble)
                    {
                        case TokenTrouble.WrongAudience:
                            principal.SetAudiences("another-application");
                            principal.SetClaim(Claims.AuthorizedParty, "another-application");
                            break;
                        case TokenTrouble.Expired:
                            var now = DateTimeOffset.UtcNow;
                            principal.SetCreationDate(now.AddHours(-2));
                            principal.SetExpirationDate(now.AddHours(-1));
                            break;
                    }

                    return default;
                })
                .SetOrder(OpenIddictServerHandlers.PrepareIdentityTokenPrincipal.Descriptor.Order + 1)
                .SetType(OpenIddictServerHandlerType.Custom));
        });

        var app = builder.Build();
        provider = new TestOidcProvider(app, clientId, clientSecret);
        app.MapMethods("/connect/authorize", [HttpMethods.Get, HttpMethods.Post], (Func<HttpContext, Task<IResult>>)provider.AuthorizeAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        provider.Authority = new Uri(address.TrimEnd('/') + "/");

        // Its discovery document and keys once, so the provider's first answers (JIT, the key's first use) are not
        // timed by a test's first click.
        using var warmUp = new HttpClient();
        (await warmUp.GetAsync(new Uri(provider.Authority, ".well-known/openid-configuration"))).EnsureSuccessStatusCode();
        (await warmUp.GetAsync(new Uri(provider.Authority, ".well-known/jwks"))).EnsureSuccessStatusCode();
        return provider;
    }

    /// <summary>GET: the sign-in form. POST (its button): signs the person in and answers the app with a code.</summary>
    private Task<IResult> AuthorizeAsync(HttpContext context)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        if (!HttpMethods.IsPost(context.Request.Method) || request["test_email"] is null)
        {
            return Task.FromResult(Results.Content(SignInPage(request), "text/html; charset=utf-8"));
        }

        var email = (string?)request["test_email"] ?? Person.Email;
        var name = (string?)request["test_name"] ?? Person.Name;
        var person = string.Equals(email, Person.Email, StringComparison.OrdinalIgnoreCase) ? Person with { Name = name } : new TestPerson(email, name, Person.EmailVerified);
        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, person.SubjectOrDefault)
            .SetClaim(Claims.Email, person.Email)
            .SetClaim(Claims.Name, person.Name)
            .SetClaim(Claims.EmailVerified, person.EmailVerified);
        identity.SetScopes(request.GetScopes());
        identity.SetDestinations(static _ => [Destinations.IdentityToken, Destinations.AccessToken]);
        return Task.FromResult(Results.SignIn(new ClaimsPrincipal(identity), properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme));
    }

    private string SignInPage(OpenIddictRequest request)
    {
        var html = new StringBuilder();
        html.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\"><link rel=\"icon\" href=\"data:,\"><title>Test provider</title></head><body><main>");
        html.Append("<h1>Test provider</h1>");
        html.Append(CultureInvariant($"<form method=\"post\" action=\"{Authority}connect/authorize\">"));
        foreach (var (key, value) in request.GetParameters())
        {
            if (key is not ("test_email" or "test_name"))
            {
                html.Append(CultureInvariant($"<input type=\"hidden\" name=\"{WebUtility.HtmlEncode(key)}\" value=\"{WebUtility.HtmlEncode((string?)value)}\">"));
            }
        }

        html.Append(CultureInvariant($"<label for=\"test-email\">Email</label><input id=\"test-email\" name=\"test_email\" type=\"email\" value=\"{WebUtility.HtmlEncode(Person.Email)}\">"));
        html.Append(CultureInvariant($"<label for=\"test-name\">Name</label><input id=\"test-name\" name=\"test_name\" type=\"text\" value=\"{WebUtility.HtmlEncode(Person.Name)}\">"));
        html.Append(CultureInvariant($"<button type=\"submit\" id=\"{SignInButtonId}\">Sign in to the test provider</button>"));
        html.Append("</form></main></body></html>");
        return html.ToString();
    }

    private static string CultureInvariant(FormattableString text) => FormattableString.Invariant(text);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private sealed class ProblemLoggerProvider(Func<ConcurrentQueue<string>?> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new ProblemLogger(categoryName, lines);

        public void Dispose()
        {
        }
    }

    private sealed class ProblemLogger(string category, Func<ConcurrentQueue<string>?> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information && category.StartsWith("OpenIddict", StringComparison.Ordinal);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                lines()?.Enqueue($"{logLevel} {category}: {formatter(state, exception)}{(exception is null ? "" : " " + exception.Message)}");
            }
        }
    }
}
