using Microsoft.AspNetCore.Mvc.RazorPages;
using Support.Plugins.Abstractions;

namespace Support.Host.Plugins;

/// <summary>Records an exception a loaded plugin's code threw at the host: logged, and shown on the admin plugins page.</summary>
internal sealed partial class PluginFaults
{
    private readonly TimeProvider _clock;
    private readonly ILogger<PluginFaults> _log;

    public PluginFaults(TimeProvider clock, ILogger<PluginFaults> log)
    {
        _clock = clock;
        _log = log;
    }

    public void Record(PluginRecord plugin, PluginExtensionPoint point, Exception exception)
    {
        var error = $"{exception.GetType().Name}: {exception.Message}";
        plugin.RecordFault(new PluginFault(_clock.GetUtcNow().UtcDateTime, point, error));
        Failed(_log, exception, plugin.Name, point, error);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Plugin {Plugin} failed ({Point}); the host went on without it: {Error}")]
    private static partial void Failed(ILogger logger, Exception exception, string plugin, PluginExtensionPoint point, string error);
}

/// <summary>
/// Stands between the Ticketing module and a plugin's field contributor: an exception from constructing it or from
/// any of its members is recorded, and the forms go on as if the field could not be checked (its value refused with
/// a message) or had no special display (its value shown as stored).
/// </summary>
internal sealed class GuardedFieldContributor : ITicketFieldContributor
{
    private readonly Lazy<ITicketFieldContributor?> _inner;
    private readonly PluginRecord _plugin;
    private readonly PluginFaults _faults;

    public GuardedFieldContributor(Func<ITicketFieldContributor> construct, PluginRecord plugin, PluginFaults faults)
    {
        _plugin = plugin;
        _faults = faults;
        _inner = new Lazy<ITicketFieldContributor?>(() => Guard(PluginExtensionPoint.FieldDefinition, construct, null));
    }

    public IReadOnlyList<TicketField> Fields => _inner.Value is { } inner ? Guard(PluginExtensionPoint.FieldDefinition, () => inner.Fields ?? [], []) : [];

    public FieldValidation Validate(string fieldKey, string? value)
    {
        var label = Fields.FirstOrDefault(f => f.Key == fieldKey)?.Label;
        return Guard(
            PluginExtensionPoint.FieldValidation,
            () => _inner.Value?.Validate(fieldKey, value) ?? throw new InvalidOperationException("The field's plugin could not be constructed."),
            FieldValidation.Invalid(new Dictionary<string, string>
            {
                ["fr"] = $"{(label is null ? fieldKey : LocalisedText.Pick(label, System.Globalization.CultureInfo.GetCultureInfo("fr")))} n'a pas pu être vérifié (erreur de l'extension, signalée à l'administrateur) ; laissez-le vide ou réessayez plus tard.",
                ["en"] = $"{(label is null ? fieldKey : LocalisedText.Pick(label, System.Globalization.CultureInfo.GetCultureInfo("en")))} could not be checked (a plugin error, reported to the administrator); leave it empty or try again later.",
            }));
    }

    public CapturedValueDisplay Display(string fieldKey, string value) =>
        Guard(
            PluginExtensionPoint.FieldDisplay,
            () => _inner.Value?.Display(fieldKey, value) ?? new CapturedValueDisplay(value, null, null),
            new CapturedValueDisplay(value, null, null));

    private T Guard<T>(PluginExtensionPoint point, Func<T> action, T fallback)
    {
        try
        {
            return action();
        }
        catch (Exception exception)
        {
            _faults.Record(_plugin, point, exception);
            return fallback;
        }
    }
}

/// <summary>A plugin's menu entries; a contributor that throws adds none, and the menu of every page still renders.</summary>
internal sealed class GuardedNavigation : IStaffNavigationContributor
{
    private readonly Lazy<IStaffNavigationContributor?> _inner;
    private readonly PluginRecord _plugin;
    private readonly PluginFaults _faults;

    public GuardedNavigation(Func<IStaffNavigationContributor> construct, PluginRecord plugin, PluginFaults faults)
    {
        _plugin = plugin;
        _faults = faults;
        _inner = new Lazy<IStaffNavigationContributor?>(() =>
        {
            try
            {
                return construct();
            }
            catch (Exception exception)
            {
                _faults.Record(_plugin, PluginExtensionPoint.Navigation, exception);
                return null;
            }
        });
    }

    public IEnumerable<StaffNavigationItem> Items
    {
        get
        {
            try
            {
                return _inner.Value is { } inner ? [.. inner.Items.Where(i => i is { Label: not null, Path: not null })] : [];
            }
            catch (Exception exception)
            {
                _faults.Record(_plugin, PluginExtensionPoint.Navigation, exception);
                return [];
            }
        }
    }
}

/// <summary>
/// Records an exception thrown by a plugin's page (its page model or view) before the host's error handling answers
/// the request as it answers any failed request.
/// </summary>
internal sealed class PluginPageFaults
{
    private readonly RequestDelegate _next;
    private readonly PluginCatalog _catalog;
    private readonly PluginFaults _faults;

    public PluginPageFaults(RequestDelegate next, PluginCatalog catalog, PluginFaults faults)
    {
        _next = next;
        _catalog = catalog;
        _faults = faults;
    }

    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await _next(context);
        }
        catch (Exception exception) when (Owner(context) is { } plugin)
        {
            _faults.Record(plugin, PluginExtensionPoint.Page, exception);
            throw;
        }
    }

    private PluginRecord? Owner(HttpContext context)
    {
        var page = context.GetEndpoint()?.Metadata.GetMetadata<PageActionDescriptor>();
        return page is null ? null : _catalog.Loaded.FirstOrDefault(p => page.ViewEnginePath.StartsWith($"/Staff/Plugins/{p.Id}/", StringComparison.OrdinalIgnoreCase));
    }
}
