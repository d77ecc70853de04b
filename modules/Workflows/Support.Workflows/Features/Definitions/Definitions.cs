using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Support.Kernel.Persistence;
using Support.Workflows.Data;
using Support.Workflows.Definitions;

namespace Support.Workflows.Features.Definitions;

/// <summary>A definition in the admin list: its latest version, whether a version is published, and its instances.</summary>
internal sealed record DefinitionRow(string DefinitionId, string Name, int LatestVersion, int? PublishedVersion, int Instances, DateTime UpdatedAtUtc);

internal sealed record DefinitionListQuery : IRequest<IReadOnlyList<DefinitionRow>>;

internal sealed class DefinitionListQueryHandler(WorkflowsDbContext db) : IRequestHandler<DefinitionListQuery, IReadOnlyList<DefinitionRow>>
{
    public async Task<IReadOnlyList<DefinitionRow>> Handle(DefinitionListQuery request, CancellationToken cancellationToken)
    {
        var versions = await db.Definitions.AsNoTracking()
            .Select(d => new { d.DefinitionId, d.Name, d.Version, d.IsLatest, d.IsPublished, d.UpdatedAtUtc })
            .ToListAsync(cancellationToken);
        var counts = await db.Instances.AsNoTracking().GroupBy(i => i.DefinitionId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return versions.GroupBy(v => v.DefinitionId)
            .Select(g =>
            {
                var latest = g.OrderByDescending(v => v.Version).First();
                return new DefinitionRow(g.Key, latest.Name, latest.Version, g.FirstOrDefault(v => v.IsPublished)?.Version, counts.GetValueOrDefault(g.Key), g.Max(v => v.UpdatedAtUtc));
            })
            .OrderBy(r => r.Name, StringComparer.CurrentCultureIgnoreCase)
            .ToList();
    }
}

/// <summary>One version (the latest when none is given) with the list of all versions.</summary>
internal sealed record DefinitionQuery(string DefinitionId, int? Version = null) : IRequest<DefinitionDetails?>;

internal sealed record DefinitionDetails(WorkflowDefinitionVersion Version, IReadOnlyList<(int Version, bool IsPublished, bool IsLatest, DateTime UpdatedAtUtc)> Versions);

internal sealed class DefinitionQueryHandler(WorkflowsDbContext db) : IRequestHandler<DefinitionQuery, DefinitionDetails?>
{
    public async Task<DefinitionDetails?> Handle(DefinitionQuery request, CancellationToken cancellationToken)
    {
        var versions = await db.Definitions.AsNoTracking().Where(d => d.DefinitionId == request.DefinitionId).OrderByDescending(d => d.Version).ToListAsync(cancellationToken);
        var chosen = request.Version is { } number ? versions.FirstOrDefault(v => v.Version == number) : versions.FirstOrDefault();
        return chosen is null ? null : new DefinitionDetails(chosen, [.. versions.Select(v => (v.Version, v.IsPublished, v.IsLatest, v.UpdatedAtUtc))]);
    }
}

/// <summary>Creates a workflow with a draft first version.</summary>
internal sealed record CreateDefinitionCommand(string? Name) : IRequest<string>;

internal sealed class CreateDefinitionValidator : AbstractValidator<CreateDefinitionCommand>
{
    public CreateDefinitionValidator(IStringLocalizer<WorkflowsResource> t) =>
        RuleFor(c => c.Name).NotEmpty().WithMessage(t["The workflow needs a name."]).MaximumLength(200);
}

internal sealed class CreateDefinitionHandler(DefinitionStore store) : IRequestHandler<CreateDefinitionCommand, string>
{
    public Task<string> Handle(CreateDefinitionCommand request, CancellationToken cancellationToken) =>
        Task.FromResult(store.Create(request.Name!).DefinitionId);
}

/// <summary>Saves edited JSON as the latest draft (validated).</summary>
internal sealed record SaveDraftCommand(string DefinitionId, string Json) : IRequest<int>;

internal sealed class SaveDraftHandler(DefinitionStore store, UnitOfWork unitOfWork, IStringLocalizer<WorkflowsResource> t) : IRequestHandler<SaveDraftCommand, int>
{
    public async Task<int> Handle(SaveDraftCommand request, CancellationToken cancellationToken)
    {
        await unitOfWork.BeginAsync(cancellationToken);
        WorkflowDefinitionDocument document;
        try
        {
            document = WorkflowDefinitionDocument.Parse(request.Json);
        }
        catch (System.Text.Json.JsonException exception)
        {
            throw new ValidationException([new FluentValidation.Results.ValidationFailure("Json", t["The file is not a workflow definition in JSON: {0}", exception.Message])]);
        }

        document.DefinitionId = request.DefinitionId;
        return (await store.SaveDraftAsync(document, cancellationToken)).Version;
    }
}

/// <summary>Imports exported JSON as the latest draft of its definition.</summary>
internal sealed record ImportDefinitionCommand(string Json) : IRequest<string>;

internal sealed class ImportDefinitionHandler(DefinitionStore store, UnitOfWork unitOfWork) : IRequestHandler<ImportDefinitionCommand, string>
{
    public async Task<string> Handle(ImportDefinitionCommand request, CancellationToken cancellationToken)
    {
        await unitOfWork.BeginAsync(cancellationToken);
        return (await store.ImportAsync(request.Json, cancellationToken)).DefinitionId;
    }
}

/// <summary>Publishes, retracts, or reverts to an earlier version.</summary>
internal sealed record ChangeDefinitionCommand(string DefinitionId, DefinitionChange Change, int? Version = null) : IRequest<Unit>;

internal enum DefinitionChange
{
    Publish,
    Retract,
    Revert,
}

internal sealed class ChangeDefinitionHandler(DefinitionStore store, UnitOfWork unitOfWork) : IRequestHandler<ChangeDefinitionCommand, Unit>
{
    public async Task<Unit> Handle(ChangeDefinitionCommand request, CancellationToken cancellationToken)
    {
        await unitOfWork.BeginAsync(cancellationToken);
        switch (request.Change)
        {
            case DefinitionChange.Publish:
                await store.PublishAsync(request.DefinitionId, cancellationToken);
                break;
            case DefinitionChange.Retract:
                await store.RetractAsync(request.DefinitionId, cancellationToken);
                break;
            default:
                await store.RevertAsync(request.DefinitionId, request.Version ?? throw new ArgumentException("A version is needed to revert."), cancellationToken);
                break;
        }

        return Unit.Value;
    }
}

/// <summary>Installs and publishes a module's shipped workflow the first time the host starts with it.</summary>
internal sealed class InstallWorkflowHandler(DefinitionStore store, WorkflowsDbContext db, UnitOfWork unitOfWork) : IRequestHandler<Contracts.InstallWorkflowCommand, bool>
{
    public async Task<bool> Handle(Contracts.InstallWorkflowCommand request, CancellationToken cancellationToken)
    {
        var definitionId = WorkflowDefinitionDocument.Parse(request.Json).DefinitionId;
        await unitOfWork.BeginAsync(cancellationToken);
        if (await db.Definitions.AnyAsync(d => d.DefinitionId == definitionId, cancellationToken))
        {
            return false;
        }

        await store.ImportAsync(request.Json, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await store.PublishAsync(definitionId, cancellationToken);
        return true;
    }
}
