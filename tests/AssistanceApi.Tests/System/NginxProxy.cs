#if !POSTGRES
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using AssistanceApi.Tests.Support;

namespace AssistanceApi.Tests.SystemTests;

/// <summary>
/// Runs Debian's nginx on the committed src/deploy/nginx.conf. The only changes, each checked to match exactly once:
/// the certificate folder (a pair from make-dev-cert.sh in a temporary folder), the upstream host (compose's
/// "api" does not resolve outside the stack, and nginx resolves upstreams when it loads), and for a live run the
/// listen addresses (free loopback ports instead of 80 and 443). Wrapped in a minimal main config, as the official
/// image includes conf.d/*.conf inside its http block.
/// </summary>
public sealed class NginxProxy : IDisposable
{
    public static string Committed => RepoRoot.File("src", "deploy", "nginx.conf");

    private static readonly string? Binary =
        new[] { "/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/local/nginx/sbin/nginx" }.FirstOrDefault(File.Exists)
        ?? (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(d => Path.Combine(d, "nginx")).FirstOrDefault(File.Exists);

    /// <summary>Why nginx tests cannot run here; null when they can. Under CI=true never a reason: a missing nginx fails.</summary>
    public static string? SkipReason =>
        Binary is null && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)
            ? "nginx is not installed (apt-get install nginx; .ci/run installs it)"
            : null;

    private readonly string _folder = Directory.CreateTempSubdirectory("nginx-test-").FullName;
    private Process? _process;

    private NginxProxy()
    {
        // nginx's workers drop to an unprivileged user and keep their temporary files in this folder.
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(_folder, (UnixFileMode)0b111_101_101);
    }

    public string MainConfig => Path.Combine(_folder, "nginx.conf");

    public int HttpPort { get; private set; }

    public int HttpsPort { get; private set; }

    /// <summary>The committed config for `nginx -t`: certificates from make-dev-cert.sh, the upstream on loopback.</summary>
    public static NginxProxy ForTest(int upstreamPort = 8080)
    {
        var proxy = new NginxProxy();
        proxy.Write(Rewrite(File.ReadAllText(Committed), proxy.MakeCertificate(), upstreamPort));
        return proxy;
    }

    /// <summary>The committed config listening on free loopback ports, started in front of the given upstream.</summary>
    public static NginxProxy Start(int upstreamPort)
    {
        var proxy = new NginxProxy { HttpPort = FreePort(), HttpsPort = FreePort() };
        var site = Rewrite(File.ReadAllText(Committed), proxy.MakeCertificate(), upstreamPort);
        site = ReplaceOnce(site, "listen 80;", $"listen 127.0.0.1:{proxy.HttpPort};");
        site = ReplaceOnce(site, "listen 443 ssl;", $"listen 127.0.0.1:{proxy.HttpsPort} ssl;");
        proxy.Write(site);
        proxy._process = Process.Start(proxy.Command("-g", "daemon off;"))!;
        proxy.WaitForPort(proxy.HttpsPort);
        return proxy;
    }

    /// <summary>Runs `nginx -t`: its exit code and everything it printed.</summary>
    public (int ExitCode, string Output) Test()
    {
        using var process = Process.Start(Command("-t"))!;
        var output = process.StandardError.ReadToEnd() + process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output);
    }

    private ProcessStartInfo Command(params string[] extra)
    {
        var start = new ProcessStartInfo(Binary ?? throw new InvalidOperationException("nginx is not installed: apt-get install nginx (.ci/run does)"))
        {
            RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false,
        };
        // -p and -e keep every path nginx opens in the temporary folder, so no root-owned default is touched.
        foreach (var argument in new[] { "-p", _folder + "/", "-e", Path.Combine(_folder, "error.log"), "-c", MainConfig }.Concat(extra))
            start.ArgumentList.Add(argument);
        return start;
    }

    private static string Rewrite(string site, string certificates, int upstreamPort)
    {
        site = ReplaceOnce(site, "/etc/nginx/certs/fullchain.pem", Path.Combine(certificates, "fullchain.pem"));
        site = ReplaceOnce(site, "/etc/nginx/certs/privkey.pem", Path.Combine(certificates, "privkey.pem"));
        return ReplaceOnce(site, "server api:8080 ", $"server 127.0.0.1:{upstreamPort} ");
    }

    private static string ReplaceOnce(string text, string what, string with)
    {
        var count = text.Split(what).Length - 1;
        Assert.True(count == 1, $"expected '{what}' once in {Committed}, found it {count} times");
        return text.Replace(what, with);
    }

    /// <summary>The certificate comes from the script docs/deployment.md gives, so the script is tested too.</summary>
    private string MakeCertificate()
    {
        var folder = Path.Combine(_folder, "certs");
        var start = new ProcessStartInfo("sh") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(RepoRoot.File("src", "deploy", "make-dev-cert.sh"));
        start.ArgumentList.Add(folder);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"make-dev-cert.sh failed: {output}");
        return folder;
    }

    private void Write(string site)
    {
        File.WriteAllText(Path.Combine(_folder, "site.conf"), site);
        File.WriteAllText(MainConfig, $$"""
            pid {{Path.Combine(_folder, "nginx.pid")}};
            worker_processes 1;
            events { worker_connections 256; }
            http {
                access_log off;
                include {{Path.Combine(_folder, "site.conf")}};
            }
            """);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void WaitForPort(int port)
    {
        var until = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < until && !_process!.HasExited)
            {
                Thread.Sleep(50);
            }
            catch (SocketException)
            {
                var log = Path.Combine(_folder, "error.log");
                throw new InvalidOperationException("nginx did not start: " + (File.Exists(log) ? File.ReadAllText(log) : "no error log"));
            }
        }
    }

    public void Dispose()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
        _process?.Dispose();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

/// <summary>A fact that needs nginx: skipped with how to install it outside CI, failed under CI=true.</summary>
public sealed class NginxFactAttribute : FactAttribute
{
    public NginxFactAttribute()
    {
        if (NginxProxy.SkipReason is { } reason) Skip = reason;
    }
}
#endif
