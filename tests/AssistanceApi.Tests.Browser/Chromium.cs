using Microsoft.Playwright;

namespace AssistanceApi.Tests.Browser;

/// <summary>
/// Debian's chromium, driven by the Playwright driver shipped inside the Microsoft.Playwright package (its own node,
/// offline). No browser is ever downloaded: Playwright launches the binary at <see cref="Path"/>.
/// </summary>
public static class Chromium
{
    public const string Path = "/usr/bin/chromium";

    /// <summary>Why the browser tests cannot run here; null when they can. Under CI=true never a reason: a missing chromium fails.</summary>
    public static string? SkipReason =>
        !File.Exists(Path) && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)
            ? $"chromium is not installed at {Path} (apt-get install chromium; .ci/run installs it)"
            : null;

    /// <summary>Headless, sandbox off (root in CI), and nothing that would reach for the network on its own.</summary>
    private static readonly string[] Args =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        Assert.True(File.Exists(Path), $"chromium is not installed at {Path}: apt-get install chromium (.ci/run installs it)");
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Path, Headless = true, Args = Args, Timeout = 60_000,
        });
        return (playwright, browser);
    }
}

/// <summary>A test that needs chromium: skipped with the reason where it is missing, except under CI=true, where it fails.</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (Chromium.SkipReason is { } reason) Skip = reason;
    }
}
