using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Support.Testing;

namespace Support.BrowserTests;

/// <summary>
/// The real host on Kestrel at a free port of 127.0.0.1, and Debian's Chromium driven by Playwright
/// (the browser is never downloaded: <c>.ci/run</c> installs the <c>chromium</c> package).
/// </summary>
public sealed class BrowserHost : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public SupportHostFactory Factory { get; } = new();

    public IBrowser Browser { get; private set; } = null!;

    public string BaseUrl { get; private set; } = "";

    public async Task InitializeAsync()
    {
        Factory.UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));
        Factory.StartServer();
        BaseUrl = Factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');

        var executable = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium";
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException($"No Chromium at {executable}: install Debian's chromium package (.ci/run does) or set CHROMIUM_PATH.");
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
            ],
        });
    }

    public async Task<IPage> NewPageAsync(string locale = "en-GB")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { Locale = locale, BaseURL = BaseUrl });
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        await Factory.DisposeAsync();
    }
}
