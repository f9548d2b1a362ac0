using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using ReflectionWorkshop.Infrastructure.Diagnostics;

namespace ReflectionWorkshop.Web.Accounts;

/// <summary>
/// One OpenID Connect provider as the settings name it: <c>SingleSignOn:Providers:&lt;Name&gt;</c>. "Microsoft" and
/// "Google" are pre-named (their authority and display name are known); any other name is a generic provider and
/// needs its <see cref="Authority"/>.
/// </summary>
public sealed class SingleSignOnProviderSettings
{
    /// <summary>What the button says after "Sign in with" (default: the pre-named provider's name, or the setting's name).</summary>
    public string? DisplayName { get; set; }

    /// <summary>The issuer; its <c>/.well-known/openid-configuration</c> must be reachable from the app.</summary>
    public string? Authority { get; set; }

    /// <summary>Microsoft only: the district's directory (tenant) id or domain; the authority is then that directory's.</summary>
    public string? TenantId { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>
    /// Whether the provider's <c>email</c> claim is taken as proven without an <c>email_verified</c> claim of "true".
    /// Default true only for Microsoft through its <see cref="TenantId"/>, whose authority is then the district's own
    /// directory (its administrators set every address); Google and most providers send <c>email_verified</c>.
    /// </summary>
    public bool? TrustEmails { get; set; }

    /// <summary>False only for a provider on plain http (a test provider on 127.0.0.1); never in production.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;
}

/// <summary>A configured provider: its name in the settings, its authentication scheme and what the button says.</summary>
public sealed record SingleSignOnProvider(string Name, string Scheme, string DisplayName, string Authority, string ClientId, string? ClientSecret, bool TrustEmails, bool RequireHttpsMetadata)
{
    /// <summary>Where the provider sends the browser back: one path per provider.</summary>
    public string CallbackPath => "/signin-" + Name.ToLowerInvariant();

    /// <summary>The provider's origin (scheme, host, port), which the sign-in form's Content-Security-Policy must admit.</summary>
    public string Origin => new Uri(Authority).GetLeftPart(UriPartial.Authority);
}

/// <summary>
/// Single sign-on (issue 22): "Sign in with Microsoft", "Sign in with Google" and any OpenID Connect provider, each
/// turned on by its settings and off without them. Each provider is an ASP.NET Core OpenID Connect handler that signs
/// into Identity's external cookie; /account/external then makes or finds the Identity account (an Identity external
/// login). Authorization code flow with PKCE, the answer in the query string (so the cookies that carry the state stay
/// SameSite=Lax), and the id token checked for signature, issuer, audience (the client id) and lifetime.
/// </summary>
public sealed partial class SingleSignOn(IReadOnlyList<SingleSignOnProvider> providers)
{
    public const string Section = "SingleSignOn:Providers";

    /// <summary>The claim, on the external sign-in, that says whether the provider proved the email.</summary>
    public const string EmailVerifiedClaim = "email_verified";

    public IReadOnlyList<SingleSignOnProvider> Providers { get; } = providers;

    public bool IsOn => Providers.Count > 0;

    public SingleSignOnProvider? ByName(string? name) =>
        Providers.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));

    public SingleSignOnProvider? ByScheme(string? scheme) =>
        Providers.FirstOrDefault(p => string.Equals(p.Scheme, scheme, StringComparison.Ordinal));

    /// <summary>
    /// The providers the settings turn on. A provider needs a client id and an authority (Microsoft: a tenant id, or
    /// an authority); one that lacks them is left off with the reason in <paramref name="problems"/>.
    /// </summary>
    public static SingleSignOn Read(IConfiguration configuration, List<string> problems)
    {
        var providers = new List<SingleSignOnProvider>();
        foreach (var section in configuration.GetSection(Section).GetChildren())
        {
            var name = section.Key;
            var settings = section.Get<SingleSignOnProviderSettings>() ?? new();
            if (!ProviderName().IsMatch(name))
            {
                problems.Add($"{Section}:{name}: a provider's name may hold only letters, digits and '-'.");
                continue;
            }

            var isMicrosoft = name.Equals("Microsoft", StringComparison.OrdinalIgnoreCase);
            var isGoogle = name.Equals("Google", StringComparison.OrdinalIgnoreCase);
            var authority = settings.Authority;
            if (isMicrosoft && settings.TenantId?.Trim().ToLowerInvariant() is "common" or "organizations" or "consumers")
            {
                // Any directory's (or anyone's personal) accounts: their addresses are not the district's to vouch for.
                problems.Add($"{Section}:{name}: TenantId must be the district's own directory, not '{settings.TenantId}', so this provider is off.");
                continue;
            }

            if (string.IsNullOrWhiteSpace(authority) && isMicrosoft && !string.IsNullOrWhiteSpace(settings.TenantId))
            {
                authority = $"https://login.microsoftonline.com/{Uri.EscapeDataString(settings.TenantId.Trim())}/v2.0";
            }
            else if (string.IsNullOrWhiteSpace(authority) && isGoogle)
            {
                authority = "https://accounts.google.com";
            }

            if (string.IsNullOrWhiteSpace(settings.ClientId))
            {
                problems.Add($"{Section}:{name}: no ClientId, so this provider is off.");
                continue;
            }

            if (string.IsNullOrWhiteSpace(authority) || !Uri.TryCreate(authority, UriKind.Absolute, out _))
            {
                problems.Add(isMicrosoft
                    ? $"{Section}:{name}: no TenantId (the district's directory) nor Authority, so this provider is off."
                    : $"{Section}:{name}: no Authority (an absolute address), so this provider is off.");
                continue;
            }

            var displayName = !string.IsNullOrWhiteSpace(settings.DisplayName) ? settings.DisplayName.Trim()
                : isMicrosoft ? "Microsoft"
                : isGoogle ? "Google"
                : name;
            providers.Add(new SingleSignOnProvider(
                name,
                "sso-" + name.ToLowerInvariant(),
                displayName,
                authority.Trim(),
                settings.ClientId.Trim(),
                string.IsNullOrWhiteSpace(settings.ClientSecret) ? null : settings.ClientSecret,
                settings.TrustEmails ?? (isMicrosoft && string.IsNullOrWhiteSpace(settings.Authority)),
                settings.RequireHttpsMetadata));
        }

        return new SingleSignOn(providers);
    }

    /// <summary>What the external sign-in says about the person: the provider's subject, email, whether it is proven, a name.</summary>
    public static ExternalPerson Person(ExternalLoginInfo info, SingleSignOnProvider provider)
    {
        var claims = info.Principal;
        var email = claims.FindFirstValue("email");
        if (string.IsNullOrWhiteSpace(email) && provider.TrustEmails)
        {
            // Microsoft's id token carries the directory's sign-in name here when no mail address is set.
            email = claims.FindFirstValue("preferred_username");
        }

        email = string.IsNullOrWhiteSpace(email) || !email.Contains('@', StringComparison.Ordinal) ? null : email.Trim();
        var verified = email is not null
            && (provider.TrustEmails || string.Equals(claims.FindFirstValue(EmailVerifiedClaim), "true", StringComparison.OrdinalIgnoreCase));
        var name = claims.FindFirstValue("name")?.Trim();
        return new ExternalPerson(email, verified, string.IsNullOrWhiteSpace(name) ? null : name);
    }

    [GeneratedRegex("^[A-Za-z0-9-]{1,40}$")]
    private static partial Regex ProviderName();
}

/// <summary>Who the provider says signed in: the email (null when it sent none), whether it is proven, and a name if it sent one.</summary>
public sealed record ExternalPerson(string? Email, bool EmailVerified, string? Name)
{
    /// <summary>The part after the @, as the administrator's list writes it (lower case).</summary>
    public string? Domain => SignInDomains.DomainOf(Email);
}

/// <summary>Why /account/login was sent back from a single sign-on: each a sentence on the sign-in page.</summary>
public static class SingleSignOnProblem
{
    public const string Failed = "failed";
    public const string Domain = "domain";
    public const string NoEmail = "no-email";
    public const string Unverified = "unverified";

    public static readonly string[] All = [Failed, Domain, NoEmail, Unverified];
}

public static class SingleSignOnSetup
{
    /// <summary>
    /// Registers one OpenID Connect handler per configured provider (none without settings) and the
    /// <see cref="SingleSignOn"/> the pages read.
    /// </summary>
    public static AuthenticationBuilder AddWorkshopSingleSignOn(this AuthenticationBuilder authentication, IConfiguration configuration, List<string> problems)
    {
        var singleSignOn = SingleSignOn.Read(configuration, problems);
        authentication.Services.AddSingleton(singleSignOn);
        foreach (var provider in singleSignOn.Providers)
        {
            authentication.AddOpenIdConnect(provider.Scheme, provider.DisplayName, options => Configure(options, provider));
        }

        return authentication;
    }

    private static void Configure(OpenIdConnectOptions options, SingleSignOnProvider provider)
    {
        options.SignInScheme = IdentityConstants.ExternalScheme;
        options.Authority = provider.Authority;
        options.ClientId = provider.ClientId;
        options.ClientSecret = provider.ClientSecret;
        options.RequireHttpsMetadata = provider.RequireHttpsMetadata;
        options.ResponseType = OpenIdConnectResponseType.Code;
        options.ResponseMode = OpenIdConnectResponseMode.Query;
        options.UsePkce = true;
        options.Scope.Clear();
        options.Scope.Add("openid");
        options.Scope.Add("profile");
        options.Scope.Add("email");
        options.CallbackPath = provider.CallbackPath;
        options.SignedOutCallbackPath = "/signout-callback-" + provider.Name.ToLowerInvariant();
        options.RemoteSignOutPath = "/signout-" + provider.Name.ToLowerInvariant();
        options.SaveTokens = false;
        options.GetClaimsFromUserInfoEndpoint = false;

        // Claims keep the provider's names (email, email_verified, name, sub); the subject becomes the name
        // identifier Identity's external login is keyed by.
        options.MapInboundClaims = false;

        // The answer comes back as a top-level GET (response_mode=query), so Lax cookies reach it; same-as-request
        // like the account cookie, so a plain-http installation (or the tests on 127.0.0.1) works too.
        options.CorrelationCookie.SameSite = SameSiteMode.Lax;
        options.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.NonceCookie.SameSite = SameSiteMode.Lax;
        options.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;

        // Defaults kept on purpose: the id token's signature (the provider's published keys), issuer, audience (our
        // client id) and lifetime (five minutes' clock skew) are all checked.
        options.TokenValidationParameters.ValidateAudience = true;
        options.TokenValidationParameters.ValidateLifetime = true;
        options.TokenValidationParameters.ValidateIssuer = true;
        options.TokenValidationParameters.NameClaimType = "name";

        options.Events = new OpenIdConnectEvents
        {
            OnTokenValidated = context =>
            {
                if (context.Principal?.Identity is ClaimsIdentity identity && identity.FindFirst("sub") is { } subject)
                {
                    identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, subject.Value, subject.ValueType, subject.Issuer));
                }

                return Task.CompletedTask;
            },

            // A refused or failed sign-in (a bad token, a provider that said no, a cancelled consent) goes back to the
            // sign-in page with a sentence, never to an error page.
            OnRemoteFailure = context =>
            {
                var logger = context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("ReflectionWorkshop.SingleSignOn");
                logger.LogWarning("Single sign-on through {Provider} failed: {Reason}", provider.Name, context.Failure?.Message);
                WorkshopMetrics.SignInFailures.Add(1);
                context.Response.Redirect($"/account/login?problem={SingleSignOnProblem.Failed}&provider={Uri.EscapeDataString(provider.Name)}");
                context.HandleResponse();
                return Task.CompletedTask;
            },
        };
    }
}
