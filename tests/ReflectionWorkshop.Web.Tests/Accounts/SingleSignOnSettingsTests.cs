using Microsoft.Extensions.Configuration;
using ReflectionWorkshop.Web.Accounts;

namespace ReflectionWorkshop.Web.Tests.Accounts;

/// <summary>What the SingleSignOn:Providers settings turn on (docs/deploy.md, "Single sign-on"), and how the administrator's domain list is read.</summary>
public sealed class SingleSignOnSettingsTests
{
    [Fact]
    public void Microsoft_and_Google_need_only_their_ids_and_a_generic_provider_its_authority()
    {
        var problems = new List<string>();

        var sso = SingleSignOn.Read(Settings(new()
        {
            ["SingleSignOn:Providers:Microsoft:TenantId"] = "district.example",
            ["SingleSignOn:Providers:Microsoft:ClientId"] = "ms-client",
            ["SingleSignOn:Providers:Microsoft:ClientSecret"] = "ms-secret",
            ["SingleSignOn:Providers:Google:ClientId"] = "g-client",
            ["SingleSignOn:Providers:District:DisplayName"] = "District account",
            ["SingleSignOn:Providers:District:Authority"] = "https://id.district.example/realms/staff",
            ["SingleSignOn:Providers:District:ClientId"] = "rw",
        }), problems);

        Assert.Empty(problems);
        var microsoft = sso.ByName("microsoft")!;
        Assert.Equal("https://login.microsoftonline.com/district.example/v2.0", microsoft.Authority);
        Assert.Equal(("Microsoft", "sso-microsoft", "/signin-microsoft", true), (microsoft.DisplayName, microsoft.Scheme, microsoft.CallbackPath, microsoft.TrustEmails));
        var google = sso.ByName("Google")!;
        Assert.Equal(("https://accounts.google.com", "Google", false), (google.Authority, google.DisplayName, google.TrustEmails));
        var district = sso.ByName("District")!;
        Assert.Equal(("District account", "https://id.district.example", "/signin-district", false), (district.DisplayName, district.Origin, district.CallbackPath, district.TrustEmails));
    }

    [Fact]
    public void A_provider_missing_what_it_needs_is_left_off_with_the_reason()
    {
        var problems = new List<string>();

        var sso = SingleSignOn.Read(Settings(new()
        {
            ["SingleSignOn:Providers:Microsoft:ClientId"] = "ms-client",
            ["SingleSignOn:Providers:Google:ClientSecret"] = "no client id",
            ["SingleSignOn:Providers:District:ClientId"] = "rw",
            ["SingleSignOn:Providers:Bad_Name:ClientId"] = "x",
        }), problems);
        var multiTenant = new List<string>();
        SingleSignOn.Read(Settings(new() { ["SingleSignOn:Providers:Microsoft:TenantId"] = "common", ["SingleSignOn:Providers:Microsoft:ClientId"] = "ms" }), multiTenant);

        Assert.False(sso.IsOn);
        Assert.Equal(
            [
                "SingleSignOn:Providers:Bad_Name: a provider's name may hold only letters, digits and '-'.",
                "SingleSignOn:Providers:District: no Authority (an absolute address), so this provider is off.",
                "SingleSignOn:Providers:Google: no ClientId, so this provider is off.",
                "SingleSignOn:Providers:Microsoft: no TenantId (the district's directory) nor Authority, so this provider is off.",
            ],
            problems.Order(StringComparer.Ordinal));
        Assert.Equal(["SingleSignOn:Providers:Microsoft: TenantId must be the district's own directory, not 'common', so this provider is off."], multiTenant);
    }

    [Fact]
    public void No_settings_no_providers()
    {
        Assert.False(SingleSignOn.Read(Settings([]), []).IsOn);
    }

    [Fact]
    public void The_domain_list_is_read_in_lower_case_without_at_signs_or_repeats_and_names_what_is_no_domain()
    {
        var (domains, invalid) = SignInDomains.Parse("@District.Example\nschools.district.example, district.example;\r\nescuela.españa.example  localhost  -bad-.example");

        Assert.Equal(["district.example", "schools.district.example", "escuela.xn--espaa-rta.example"], domains);
        Assert.Equal(["localhost", "-bad-.example"], invalid);
        Assert.Equal("district.example", SignInDomains.DomainOf("Ana@DISTRICT.example"));
        Assert.True(SignInDomains.Admits([], "anything.example"));
        Assert.False(SignInDomains.Admits(["district.example"], "mail.district.example"));
    }

    private static IConfiguration Settings(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
