using System.Net;
using Microsoft.AspNetCore.Http.Connections.Client;
using Microsoft.AspNetCore.SignalR.Client;
using ReflectionWorkshop.Web.Live;

namespace ReflectionWorkshop.Web.Tests.Support;

/// <summary>
/// Tests that talk to the live hub as phones and laptops do: the app on a real Kestrel server (WebSockets need
/// one), visitors with their own cookies, and hub connections that are closed at the end of each test. Given
/// a <see cref="WorkshopFactory"/>, each test has an app of its own, stopped after it; given a
/// <see cref="SharedWorkshop"/> (a class fixture), the tests of the class share one app on one server.
/// </summary>
public abstract class KestrelHubTests : IAsyncLifetime
{
    /// <summary>How long a test waits for something the server should send.</summary>
    protected static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly List<HubConnection> _connections = [];
    private readonly bool _ownsApp;

    /// <summary>Each test starts (and stops) <paramref name="app"/> of its own.</summary>
    protected KestrelHubTests(WorkshopFactory app)
    {
        App = app;
        _ownsApp = true;
    }

    /// <summary>The tests of the class share <paramref name="shared"/>, started on Kestrel by the first of them.</summary>
    protected KestrelHubTests(SharedWorkshop shared)
    {
        App = shared.NextTest();
        Server = shared.OnKestrel();
    }

    protected WorkshopFactory App { get; }

    protected Uri Server { get; private set; } = null!;

    public Task InitializeAsync()
    {
        if (_ownsApp)
        {
            Server = App.StartOnKestrel();
        }

        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        foreach (var connection in _connections)
        {
            await connection.DisposeAsync();
        }

        if (_ownsApp)
        {
            App.Dispose();
        }
    }

    /// <summary>A browser of its own on the server; <paramref name="language"/> is its Accept-Language.</summary>
    protected Visitor NewVisitor(string? language = null)
    {
        var cookies = new CookieContainer();
        var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = Server, Timeout = TimeSpan.FromSeconds(60) };
        if (language is not null)
        {
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        }

        if (App.TestAddress is { } address)
        {
            client.DefaultRequestHeaders.Add(WorkshopFactory.ClientAddressHeader, address);
        }

        return new Visitor(client, cookies);
    }

    /// <summary>The visitor's page connects to the hub with its cookies (and, when given, its language).</summary>
    protected async Task<HubConnection> ConnectAsync(Visitor visitor, string? language = null)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(Server, SessionHub.Path), (HttpConnectionOptions options) =>
            {
                options.Cookies = visitor.Cookies;
                if (language is not null)
                {
                    options.Headers["Accept-Language"] = language;
                }
            })
            .Build();
        _connections.Add(connection);
        await connection.StartAsync();
        return connection;
    }

    /// <summary>Collects what the hub sends a connection under <paramref name="method"/>.</summary>
    protected static Inbox<T> Collect<T>(HubConnection connection, string method) =>
        connection.Collect<T>(method, Patience);
}
