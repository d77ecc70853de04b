using System.Text.Json;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Support.Workflows.Data;

namespace Support.Workflows.Definitions;

/// <summary>
/// Versions of workflow definitions, as in Elsa: saving a published definition starts a new draft version,
/// publishing makes the latest version the only published one (and its Event activities the triggers),
/// a version once published is never edited again (instances may run on it),
/// retracting unpublishes, reverting copies an earlier version into the latest draft. Instances keep the
/// version they started on.
/// </summary>
internal sealed class DefinitionStore
{
    private readonly WorkflowsDbContext _db;
    private readonly DefinitionValidator _validator;
    private readonly IStringLocalizer<WorkflowsResource> _t;
    private readonly TimeProvider _clock;

    public DefinitionStore(WorkflowsDbContext db, DefinitionValidator validator, IStringLocalizer<WorkflowsResource> t, TimeProvider clock)
    {
        _db = db;
        _validator = validator;
        _t = t;
        _clock = clock;
    }

    private DateTime Now => _clock.GetUtcNow().UtcDateTime;

    /// <summary>Creates a definition whose first version is a draft with a Start activity.</summary>
    public WorkflowDefinitionVersion Create(string name)
    {
        var document = new WorkflowDefinitionDocument { DefinitionId = NewId(), Name = name.Trim() };
        document.Root.Activities.Add(new ActivityDocument { Id = "Start1", Type = "Start", Name = "Start" });
        return AddVersion(document, 1);
    }

    /// <summary>Validates and saves <paramref name="document"/> as the latest draft of its definition (a new definition if its id is unknown).</summary>
    public async Task<WorkflowDefinitionVersion> SaveDraftAsync(WorkflowDefinitionDocument document, CancellationToken cancellationToken)
    {
        ThrowIfInvalid(document);
        if (string.IsNullOrWhiteSpace(document.DefinitionId))
        {
            document.DefinitionId = NewId();
        }

        var latest = await LatestAsync(document.DefinitionId, cancellationToken);
        if (latest is null)
        {
            return AddVersion(document, 1);
        }

        if (!latest.WasPublished)
        {
            document.Id = latest.Id;
            document.Version = latest.Version;
            document.IsLatest = true;
            document.IsPublished = false;
            latest.Name = document.Name;
            latest.Json = document.ToJson();
            latest.UpdatedAtUtc = Now;
            return latest;
        }

        latest.IsLatest = false;
        Touch(latest);
        return AddVersion(document, latest.Version + 1);
    }

    /// <summary>Imports an exported definition: its content becomes the latest draft of the definition with the same id.</summary>
    public async Task<WorkflowDefinitionVersion> ImportAsync(string json, CancellationToken cancellationToken)
    {
        WorkflowDefinitionDocument document;
        try
        {
            document = WorkflowDefinitionDocument.Parse(json);
        }
        catch (JsonException exception)
        {
            throw new ValidationException([new ValidationFailure("Json", _t["The file is not a workflow definition in JSON: {0}", exception.Message])]);
        }

        return await SaveDraftAsync(document, cancellationToken);
    }

    public async Task PublishAsync(string definitionId, CancellationToken cancellationToken)
    {
        var latest = await LatestAsync(definitionId, cancellationToken) ?? throw new KeyNotFoundException(definitionId);
        ThrowIfInvalid(WorkflowDefinitionDocument.Parse(latest.Json));
        foreach (var other in await _db.Definitions.Where(d => d.DefinitionId == definitionId && d.IsPublished && d.Id != latest.Id).ToListAsync(cancellationToken))
        {
            other.IsPublished = false;
            Touch(other);
        }

        latest.IsPublished = true;
        latest.WasPublished = true;
        Touch(latest);
        await _db.Triggers.Where(t => t.DefinitionId == definitionId).ExecuteDeleteAsync(cancellationToken);
        var document = WorkflowDefinitionDocument.Parse(latest.Json);
        var targets = document.Root.Connections.Select(c => c.Target.Activity).ToHashSet();
        foreach (var trigger in document.Root.Activities.Where(a => a.Type == "Event" && !targets.Contains(a.Id)))
        {
            _db.Triggers.Add(new WorkflowTrigger
            {
                DefinitionId = definitionId,
                DefinitionVersionId = latest.Id,
                ActivityId = trigger.Id,
                Stimulus = trigger.Inputs.GetValueOrDefault("Event")?.Expression.Value ?? "",
            });
        }
    }

    /// <summary>Unpublishes the definition: no new instance starts; running ones continue on their version.</summary>
    public async Task RetractAsync(string definitionId, CancellationToken cancellationToken)
    {
        foreach (var version in await _db.Definitions.Where(d => d.DefinitionId == definitionId && d.IsPublished).ToListAsync(cancellationToken))
        {
            version.IsPublished = false;
            Touch(version);
        }

        await _db.Triggers.Where(t => t.DefinitionId == definitionId).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>Copies version <paramref name="version"/> into the latest draft (a new version if the latest is published).</summary>
    public async Task<WorkflowDefinitionVersion> RevertAsync(string definitionId, int version, CancellationToken cancellationToken)
    {
        var source = await _db.Definitions.AsNoTracking().SingleOrDefaultAsync(d => d.DefinitionId == definitionId && d.Version == version, cancellationToken)
            ?? throw new KeyNotFoundException($"{definitionId} v{version}");
        var document = WorkflowDefinitionDocument.Parse(source.Json);
        return await SaveDraftAsync(document, cancellationToken);
    }

    private async Task<WorkflowDefinitionVersion?> LatestAsync(string definitionId, CancellationToken cancellationToken) =>
        await _db.Definitions.Where(d => d.DefinitionId == definitionId).OrderByDescending(d => d.Version).FirstOrDefaultAsync(cancellationToken);

    private WorkflowDefinitionVersion AddVersion(WorkflowDefinitionDocument document, int number)
    {
        document.Id = NewId();
        document.Version = number;
        document.IsLatest = true;
        document.IsPublished = false;
        var version = new WorkflowDefinitionVersion
        {
            Id = document.Id,
            DefinitionId = document.DefinitionId,
            Version = number,
            Name = document.Name,
            IsLatest = true,
            IsPublished = false,
            Json = document.ToJson(),
            CreatedAtUtc = Now,
            UpdatedAtUtc = Now,
        };
        _db.Definitions.Add(version);
        return version;
    }

    /// <summary>Keeps the stored JSON's flags in step with the columns.</summary>
    private void Touch(WorkflowDefinitionVersion version)
    {
        var document = WorkflowDefinitionDocument.Parse(version.Json);
        document.IsLatest = version.IsLatest;
        document.IsPublished = version.IsPublished;
        version.Json = document.ToJson();
        version.UpdatedAtUtc = Now;
    }

    private void ThrowIfInvalid(WorkflowDefinitionDocument document)
    {
        var problems = _validator.Validate(document);
        if (problems.Count > 0)
        {
            throw new ValidationException(problems.Select(p => new ValidationFailure(
                p.ActivityId ?? "Definition",
                _t[p.Template, [.. p.Arguments.Select(a => a is LocalizableText text ? _t[text.Text].Value : a)]])));
        }
    }

    private static string NewId() => Guid.NewGuid().ToString("N")[..16];
}
