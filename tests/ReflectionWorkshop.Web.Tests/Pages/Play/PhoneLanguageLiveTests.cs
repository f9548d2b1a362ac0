using System.Net;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using ReflectionWorkshop.Web.Live;
using ReflectionWorkshop.Web.Tests.Support;

namespace ReflectionWorkshop.Web.Tests.Pages.Play;

/// <summary>The phone page's live connection, over a real Kestrel server, refuses in the phone's language.</summary>
public sealed class PhoneLanguageLiveTests : IAsyncLifetime
{
    private readonly WorkshopFactory _app = new();
    private readonly List<HubConnection> _connections = [];
    private Uri _server = null!;

    public Task InitializeAsync()
    {
        _server = _app.StartOnKestrel();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        foreach (var connection in _connections)
        {
            await connection.DisposeAsync();
        }

        _app.Dispose();
    }

    [Theory]
    [InlineData("es", "Primero entra en la sesión.")]
    [InlineData("en", "Join the session first.")]
    public async Task Following_a_session_the_phone_did_not_join_is_refused_in_the_phones_language(string language, string refusal)
    {
        var facilitator = Visitor(language);
        var session = await facilitator.OpenSessionAsync("two-team-compare");
        var phone = Visitor(language);
        var connection = await ConnectAsync(phone, language);

        var refused = await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync<LiveState>("Follow", session.Code));

        Assert.EndsWith(refusal, refused.Message, StringComparison.Ordinal);
    }

    private Visitor Visitor(string language)
    {
        var cookies = new CookieContainer();
        var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = _server };
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return new Visitor(client, cookies);
    }

    private async Task<HubConnection> ConnectAsync(Visitor visitor, string language)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(_server, SessionHub.Path), options =>
            {
                options.Cookies = visitor.Cookies;
                options.Headers["Accept-Language"] = language;
            })
            .Build();
        _connections.Add(connection);
        await connection.StartAsync();
        return connection;
    }
}
