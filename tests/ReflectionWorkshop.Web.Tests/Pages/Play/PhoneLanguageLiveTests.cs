using System.Net;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using ReflectionWorkshop.Web.Live;
using ReflectionWorkshop.Web.Tests.Support;

namespace ReflectionWorkshop.Web.Tests.Pages.Play;

/// <summary>The phone page's live connection, over a real Kestrel server, refuses in the phone's language.</summary>
public sealed class PhoneLanguageLiveTests() : KestrelHubTests(new WorkshopFactory())
{
    [Theory]
    [InlineData("es", "Primero entra en la sesión.")]
    [InlineData("en", "Join the session first.")]
    public async Task Following_a_session_the_phone_did_not_join_is_refused_in_the_phones_language(string language, string refusal)
    {
        var facilitator = NewVisitor(language);
        var session = await facilitator.OpenSessionAsync("two-team-compare");
        var phone = NewVisitor(language);
        var connection = await ConnectAsync(phone, language);

        var refused = await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync<LiveState>("Follow", session.Code));

        Assert.EndsWith(refusal, refused.Message, StringComparison.Ordinal);
    }
}
