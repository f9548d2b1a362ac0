using System.Globalization;

namespace ReflectionWorkshop.ScaleOut.Tests.Support;

/// <summary>A throw-away PostgreSQL cluster in a temp folder on 127.0.0.1 (initdb, pg_ctl; as the postgres user when root).</summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private readonly string _data;
    private readonly string _bin;
    private bool _started;

    private PostgresServer(string folder, string bin, int port)
    {
        Folder = folder;
        _data = Path.Combine(folder, "data");
        _bin = bin;
        Port = port;
    }

    public string Folder { get; }

    public int Port { get; }

    /// <summary>The connection string the app uses: trust authentication on loopback, a database the app creates itself.</summary>
    public string ConnectionString(string database) => $"Host=127.0.0.1;Port={Port};Database={database};Username=postgres;Timeout=5;Include Error Detail=true";

    public static async Task<PostgresServer> StartAsync(string parent)
    {
        var folder = Path.Combine(parent, "postgres");
        Directory.CreateDirectory(folder);
        if (Tools.IsRoot)
        {
            await Tools.RunAsync("chown", ["-R", "postgres:postgres", folder], TimeSpan.FromSeconds(10));
        }

        var server = new PostgresServer(folder, Tools.PostgresBin!, Tools.FreePort());
        await Tools.RunAsync(Path.Combine(server._bin, "initdb"), ["-D", server._data, "-U", "postgres", "--auth=trust", "--no-sync", "-E", "UTF8", "--locale=C"], TimeSpan.FromSeconds(60), asPostgres: true);
        var options = string.Join(' ', [
            $"-p {server.Port.ToString(CultureInfo.InvariantCulture)}",
            $"-k {folder}",
            "-c listen_addresses=127.0.0.1",
            "-c fsync=off",
            "-c synchronous_commit=off",
            "-c full_page_writes=off",
            "-c max_connections=200",
        ]);
        server._started = true;
        await Tools.RunAsync(Path.Combine(server._bin, "pg_ctl"), ["-D", server._data, "-l", Path.Combine(folder, "server.log"), "-o", options, "-w", "-t", "30", "start"], TimeSpan.FromSeconds(45), asPostgres: true);
        return server;
    }

    public string Log => File.Exists(Path.Combine(Folder, "server.log")) ? string.Join('\n', File.ReadLines(Path.Combine(Folder, "server.log")).TakeLast(40)) : "";

    public async ValueTask DisposeAsync()
    {
        if (!_started)
        {
            return;
        }

        try
        {
            await Tools.RunAsync(Path.Combine(_bin, "pg_ctl"), ["-D", _data, "-m", "fast", "-w", "-t", "20", "stop"], TimeSpan.FromSeconds(30), asPostgres: true);
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException)
        {
            await Tools.RunAsync(Path.Combine(_bin, "pg_ctl"), ["-D", _data, "-m", "immediate", "-w", "-t", "10", "stop"], TimeSpan.FromSeconds(15), asPostgres: true);
        }
    }
}

/// <summary>redis-server on 127.0.0.1 with nothing saved to disk, in the foreground so it ends with the test.</summary>
public sealed class RedisServer : IAsyncDisposable
{
    private readonly ChildProcess _process;

    private RedisServer(ChildProcess process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString => $"127.0.0.1:{Port}";

    public static async Task<RedisServer> StartAsync(string parent)
    {
        var folder = Path.Combine(parent, "redis");
        Directory.CreateDirectory(folder);
        var port = Tools.FreePort();
        var process = ChildProcess.Start("redis", Tools.RedisServer!, ["--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no", "--dir", folder]);
        var server = new RedisServer(process, port);
        await Wait.UntilAsync(() => Task.FromResult(process.Output.Any(l => l.Contains("Ready to accept connections", StringComparison.Ordinal)) || process.HasExited), TimeSpan.FromSeconds(15), "redis-server to start");
        if (process.HasExited)
        {
            throw new InvalidOperationException("redis-server did not start:\n" + process.Log);
        }

        return server;
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}

/// <summary>
/// nginx in front of the instances, configured as docs/deploy.md says: sticky by the client's address
/// (<c>hash $remote_addr consistent</c>), WebSockets passed through, X-Forwarded-* set. For the tests only, it
/// also says which instance answered (X-Upstream), and runs as one foreground process.
/// </summary>
public sealed class NginxServer : IAsyncDisposable
{
    private readonly ChildProcess _process;

    private NginxServer(ChildProcess process, string folder, int port)
    {
        _process = process;
        Folder = folder;
        Port = port;
    }

    public string Folder { get; }

    public int Port { get; }

    public Uri Address => new($"http://127.0.0.1:{Port}/");

    public string Log => File.Exists(Path.Combine(Folder, "error.log")) ? string.Join('\n', File.ReadLines(Path.Combine(Folder, "error.log")).TakeLast(40)) : "";

    public static async Task<NginxServer> StartAsync(string parent, IEnumerable<int> instancePorts)
    {
        var folder = Path.Combine(parent, "nginx");
        Directory.CreateDirectory(Path.Combine(folder, "temp"));
        var port = Tools.FreePort();
        var servers = string.Concat(instancePorts.Select(p => $"        server 127.0.0.1:{p} max_fails=1 fail_timeout=3s;\n"));
        var config = $$"""
            {{(Tools.IsRoot ? "user root root;" : "")}}
            worker_processes 1;
            master_process off;
            daemon off;
            pid {{folder}}/nginx.pid;
            error_log {{folder}}/error.log warn;
            events { worker_connections 512; }
            http {
                access_log off;
                client_body_temp_path {{folder}}/temp/body;
                proxy_temp_path {{folder}}/temp/proxy;
                fastcgi_temp_path {{folder}}/temp/fastcgi;
                uwsgi_temp_path {{folder}}/temp/uwsgi;
                scgi_temp_path {{folder}}/temp/scgi;

                map $http_upgrade $connection_upgrade {
                    default upgrade;
                    ''      close;
                }

                upstream reflection_workshop {
                    hash $remote_addr consistent;
            {{servers}}    }

                server {
                    listen 127.0.0.1:{{port}};
                    location / {
                        proxy_pass http://reflection_workshop;
                        proxy_http_version 1.1;
                        proxy_set_header Upgrade $http_upgrade;
                        proxy_set_header Connection $connection_upgrade;
                        proxy_set_header Host $host;
                        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                        proxy_set_header X-Forwarded-Proto $scheme;
                        proxy_read_timeout 120s;
                        proxy_next_upstream error timeout http_502 http_503;
                        add_header X-Upstream $upstream_addr always;
                    }
                }
            }
            """;
        var file = Path.Combine(folder, "nginx.conf");
        await File.WriteAllTextAsync(file, config);
        var process = ChildProcess.Start("nginx", Tools.Nginx!, ["-p", folder, "-c", file, "-e", Path.Combine(folder, "error.log")]);
        var server = new NginxServer(process, folder, port);
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        await Wait.UntilAsync(
            async () =>
            {
                if (process.HasExited)
                {
                    return true;
                }

                try
                {
                    using var response = await client.GetAsync(server.Address);
                    return true;
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    // Refused, or no answer within the probe's 2 s (nginx waiting on a busy instance): not yet.
                    return false;
                }
            },
            TimeSpan.FromSeconds(15),
            "nginx to listen");
        if (process.HasExited)
        {
            throw new InvalidOperationException("nginx did not start:\n" + process.Log + "\n" + server.Log);
        }

        return server;
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}

public static class Wait
{
    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan patience, string what)
    {
        var deadline = DateTime.UtcNow + patience;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Waited {patience.TotalSeconds} s for {what}.");
            }

            await Task.Delay(100);
        }
    }
}
