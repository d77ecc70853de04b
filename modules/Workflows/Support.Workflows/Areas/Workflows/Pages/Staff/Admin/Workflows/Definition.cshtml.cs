using System.Text;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Support.Workflows.Features.Definitions;
using Support.Workflows.Features.Instances;

namespace Support.Workflows.Areas.Workflows.Pages.Staff.Admin.Workflows;

/// <summary>One workflow in the designer (its JSON underneath, edited directly without JavaScript), its versions, publishing and manual start.</summary>
internal sealed class DefinitionModel(IMediator mediator, IStringLocalizer<WorkflowsResource> t) : PageModel
{
    public DefinitionDetails Details { get; private set; } = null!;

    [BindProperty]
    public string? Json { get; set; }

    [TempData]
    public string? Notice { get; set; }

    /// <summary>The refused command's messages, each with the activity it names (null for the whole workflow): the designer marks those activities.</summary>
    public IReadOnlyList<(string? ActivityId, string Message)> Problems { get; private set; } = [];

    /// <summary>Whether the JSON shown is the admin's refused edit rather than the stored version.</summary>
    public bool Unsaved { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, int? version, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, version, cancellationToken))
        {
            return NotFound();
        }

        Json = Details.Version.Json;
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(string id, int? version, CancellationToken cancellationToken)
    {
        var details = await mediator.Send(new DefinitionQuery(id, version), cancellationToken);
        if (details is null)
        {
            return NotFound();
        }

        var name = new string([.. details.Version.Name.Select(c => char.IsLetterOrDigit(c) ? c : '-')]).Trim('-');
        return File(Encoding.UTF8.GetBytes(details.Version.Json), "application/json", $"{(name.Length == 0 ? "workflow" : name)}-v{details.Version.Version}.json");
    }

    /// <summary>Saves the edited JSON as the latest draft and, with <paramref name="publish"/>, publishes it in the same request.</summary>
    public Task<IActionResult> OnPostSaveAsync(string id, bool publish, CancellationToken cancellationToken) =>
        RunAsync(
            id,
            async () =>
            {
                await mediator.Send(new SaveDraftCommand(id, Json ?? ""), cancellationToken);
                if (publish)
                {
                    await mediator.Send(new ChangeDefinitionCommand(id, DefinitionChange.Publish), cancellationToken);
                }
            },
            publish ? nameof(DefinitionChange.Publish) : "saved",
            cancellationToken);

    public Task<IActionResult> OnPostChangeAsync(string id, DefinitionChange change, int? version, CancellationToken cancellationToken) =>
        RunAsync(id, () => mediator.Send(new ChangeDefinitionCommand(id, change, version), cancellationToken), change.ToString(), cancellationToken);

    public async Task<IActionResult> OnPostStartAsync(string id, string? correlationId, CancellationToken cancellationToken)
    {
        try
        {
            var instance = await mediator.Send(new StartInstanceCommand(id, correlationId), cancellationToken);
            return RedirectToPage("Instance", new { id = instance });
        }
        catch (InvalidOperationException exception)
        {
            Problems = [(null, t[exception.Message])];
            await LoadAsync(id, null, cancellationToken);
            Json = Details.Version.Json;
            return Page();
        }
    }

    private async Task<IActionResult> RunAsync(string id, Func<Task> command, string notice, CancellationToken cancellationToken)
    {
        try
        {
            await command();
            Notice = notice;
            return RedirectToPage(new { id });
        }
        catch (ValidationException exception)
        {
            Problems = [.. exception.Errors.Select(e => (e.PropertyName is "Json" or "Definition" or "" ? null : (string?)e.PropertyName, e.ErrorMessage))];
            var edited = Json;
            if (!await LoadAsync(id, null, cancellationToken))
            {
                return NotFound();
            }

            Json = edited ?? Details.Version.Json;
            Unsaved = edited is not null;
            return Page();
        }
    }

    private async Task<bool> LoadAsync(string id, int? version, CancellationToken cancellationToken)
    {
        var details = await mediator.Send(new DefinitionQuery(id, version), cancellationToken);
        if (details is null)
        {
            return false;
        }

        Details = details;
        return true;
    }
}
