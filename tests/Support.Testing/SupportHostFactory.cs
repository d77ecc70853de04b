using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Support.Testing;

/// <summary>
/// Starts the real host on its own data folder (a real SQLite file, a real pickup folder) with
/// settings a test chooses. Two factories given the same folder share one database, as two runs do.
/// </summary>
public class SupportHostFactory : WebApplicationFactory<Program>
{
    public const string AdminEmail = "admin@support.test";
    public const string AdminPassword = "correct-horse-battery-staple";

    private readonly Dictionary<string, string?> _settings;
    private readonly List<Action<IServiceCollection>> _services = [];

    static SupportHostFactory()
    {
        // Dozens of hosts run side by side in a test run; file watchers backed by inotify would exhaust
        // the per-user limit (128 instances), so configuration is not reloaded and files are polled.
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
        Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
    }

    public SupportHostFactory(string? dataFolder = null, IDictionary<string, string?>? settings = null)
    {
        DataFolder = dataFolder ?? CreateTemporaryFolder("data");
        _settings = new Dictionary<string, string?>
        {
            ["DataFolder"] = DataFolder,
            ["Bootstrap:AdminEmail"] = AdminEmail,
            ["Bootstrap:AdminPassword"] = AdminPassword,
            ["Themes:Path"] = Path.Combine(DataFolder, "themes"),
            ["Outbox:PollInterval"] = "00:00:00.200",
            ["Email:PollInterval"] = "00:00:00.200",
            ["Ticketing:DemoData"] = "false",
            ["Ticketing:SlaWorkflow"] = "false",
            ["Escalation:Workflow"] = "false",
            ["Incidents:IncidentWorkflow"] = "false",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    public string DataFolder { get; }

    public ConcurrentQueue<string> Logs { get; } = new();

    public string DatabasePath => Path.Combine(DataFolder, "support.db");

    public string ThemesFolder => _settings["Themes:Path"]!;

    /// <summary>Adds services after the host's own, e.g. a probe module that only tests use.</summary>
    public SupportHostFactory WithServices(Action<IServiceCollection> configure)
    {
        _services.Add(configure);
        return this;
    }

    public static string CreateTemporaryFolder(string purpose)
    {
        var folder = Path.Combine(Path.GetTempPath(), "support-tests", $"{purpose}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        return folder;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.AddProvider(new CollectingLoggerProvider(Logs)));
        builder.ConfigureServices(services =>
        {
            foreach (var configure in _services)
            {
                configure(services);
            }
        });
    }

    private sealed class CollectingLoggerProvider(ConcurrentQueue<string> logs) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new CollectingLogger(categoryName, logs);

        public void Dispose()
        {
        }
    }

    private sealed class CollectingLogger(string category, ConcurrentQueue<string> logs) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            logs.Enqueue($"{logLevel} {category}: {formatter(state, exception)}");
    }
}
