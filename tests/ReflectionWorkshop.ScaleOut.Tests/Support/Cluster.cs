using System.Net;
using Npgsql;

namespace ReflectionWorkshop.ScaleOut.Tests.Support;

/// <summary>The tests that share one cluster; they run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<Cluster>
{
    public const string Name = "Two instances on PostgreSQL and Redis behind nginx";
}

/// <summary>
/// One installation spread over two instances: PostgreSQL, Redis, instances A and B (real processes) and nginx in
/// front, all on 127.0.0.1 in a temp folder, started once for the tests that use it and always taken down.
/// </summary>
public sealed class Cluster : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "rw-scaleout-" + Guid.NewGuid().ToString("N"));
    private readonly Dictionary<string, Queue<IPAddress>> _spares = [];
    private int _nextAddress = 1;

    public PostgresServer Postgres { get; private set; } = null!;

    public RedisServer Redis { get; private set; } = null!;

    public AppInstance A { get; private set; } = null!;

    public AppInstance B { get; private set; } = null!;

    public NginxServer Nginx { get; private set; } = null!;

    public string ConnectionString => Postgres.ConnectionString("reflection");

    /// <summary>The settings of every instance of this installation (docs/deploy.md).</summary>
    public Dictionary<string, string> Settings() => new()
    {
        ["Database__Provider"] = "PostgreSQL",
        ["ConnectionStrings__Default"] = ConnectionString,
        ["ConnectionStrings__Redis"] = Redis.ConnectionString,
        ["Redis__ChannelPrefix"] = "rw-test-" + Path.GetFileName(_folder),
        ["Hosting__ShutdownTimeoutSeconds"] = "20",
    };

    public async Task InitializeAsync()
    {
        if (Tools.MissingReason is not null)
        {
            return;
        }

        Directory.CreateDirectory(_folder);
        Postgres = await PostgresServer.StartAsync(_folder);
        Redis = await RedisServer.StartAsync(_folder);
        A = new AppInstance("A", Settings());
        B = new AppInstance("B", Settings());

        // A new installation: the first instance creates the database, migrates it and makes the first key; then the next one.
        await A.StartAsync();
        await B.StartAsync();
        Nginx = await NginxServer.StartAsync(_folder, [A.Port, B.Port]);
    }

    /// <summary>
    /// A new device that nginx sends to <paramref name="instance"/>: loopback addresses are tried in turn, and one
    /// that lands on the other instance is kept for a later device there. Right after an instance came back, nginx
    /// may still avoid it for a few seconds (fail_timeout), so this waits rather than using up addresses.
    /// </summary>
    public async Task<Device> DeviceOnAsync(AppInstance instance, string name, CookieContainer? cookies = null)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            IPAddress? address = null;
            lock (_spares)
            {
                if (_spares.TryGetValue(instance.Upstream, out var spare) && spare.Count > 0)
                {
                    address = spare.Dequeue();
                }
            }

            var fresh = address is null;
            if (address is null)
            {
                var number = Interlocked.Increment(ref _nextAddress);
                if (number <= 250)
                {
                    address = IPAddress.Parse($"127.0.0.{number}");
                }
                else
                {
                    // All used: while nginx avoided an instance (fail_timeout after a restart), its addresses
                    // were sent to the other one and filed there. Try those again; nginx takes them back.
                    fresh = false;
                    lock (_spares)
                    {
                        address = _spares.Values.FirstOrDefault(q => q.Count > 0)?.Dequeue();
                    }

                    if (address is null)
                    {
                        throw new InvalidOperationException("Ran out of loopback addresses for devices.");
                    }
                }
            }

            var device = new Device(name, address, Nginx.Address, cookies);
            var upstream = await device.UpstreamAsync();
            if (upstream == instance.Upstream)
            {
                return device;
            }

            await device.DisposeAsync();
            lock (_spares)
            {
                if (!_spares.TryGetValue(upstream, out var queue))
                {
                    _spares[upstream] = queue = new Queue<IPAddress>();
                }

                queue.Enqueue(address);
            }

            // A miss right after a restart means nginx still avoids the instance: wait a little rather than
            // burning through addresses.
            await Task.Delay(fresh ? 50 : 250);
        }

        throw new TimeoutException($"No device address reached instance {instance} through nginx.\n{Nginx.Log}");
    }

    /// <summary>A fresh B on the same port, e.g. after a test stopped it.</summary>
    public async Task RestartBAsync()
    {
        await B.DisposeAsync();
        B = new AppInstance("B", Settings(), B.Port);
        await B.StartAsync();
    }

    public async Task<long> ScalarAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>What the servers said, for a failing test's message.</summary>
    public string Logs() =>
        string.Join("\n", new[] { A?.Log, B?.Log, Nginx?.Log }.Where(l => !string.IsNullOrEmpty(l)));

    public async Task DisposeAsync()
    {
        foreach (var part in new IAsyncDisposable?[] { Nginx, B, A, Redis, Postgres })
        {
            if (part is not null)
            {
                try
                {
                    await part.DisposeAsync();
                }
                catch (Exception ex) when (ex is InvalidOperationException or TimeoutException)
                {
                    Console.Error.WriteLine($"Cleaning up the scale-out cluster: {ex.Message}");
                }
            }
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Something still holds a file; the OS cleans its temp folder.
        }
    }
}
