using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Support.Workflows.Features.Definitions;

namespace Support.Workflows.Areas.Workflows.Pages.Staff.Admin.Workflows;

/// <summary>The workflow definitions: create, import, export, publish, retract.</summary>
internal sealed class IndexModel(IMediator mediator, IStringLocalizer<WorkflowsResource> t) : PageModel
{
    public IReadOnlyList<DefinitionRow> Definitions { get; private set; } = [];

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Definitions = await mediator.Send(new DefinitionListQuery(), cancellationToken);

    public async Task<IActionResult> OnPostCreateAsync(string? name, CancellationToken cancellationToken)
    {
        try
        {
            var id = await mediator.Send(new CreateDefinitionCommand(name?.Trim()), cancellationToken);
            return RedirectToPage("Definition", new { id });
        }
        catch (ValidationException exception)
        {
            ModelState.AddValidationErrors(exception);
            await OnGetAsync(cancellationToken);
            return Page();
        }
    }

    public async Task<IActionResult> OnPostImportAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        try
        {
            if (file is null || file.Length == 0 || file.Length > 1024 * 1024)
            {
                throw new ValidationException([new FluentValidation.Results.ValidationFailure("file", t["Choose a JSON file of at most 1 MB."])]);
            }

            using var reader = new StreamReader(file.OpenReadStream());
            var id = await mediator.Send(new ImportDefinitionCommand(await reader.ReadToEndAsync(cancellationToken)), cancellationToken);
            Notice = "imported";
            return RedirectToPage("Definition", new { id });
        }
        catch (ValidationException exception)
        {
            ModelState.AddValidationErrors(exception);
            await OnGetAsync(cancellationToken);
            return Page();
        }
    }

    public async Task<IActionResult> OnPostChangeAsync(string id, DefinitionChange change, CancellationToken cancellationToken)
    {
        try
        {
            await mediator.Send(new ChangeDefinitionCommand(id, change), cancellationToken);
            Notice = change.ToString();
            return RedirectToPage();
        }
        catch (ValidationException exception)
        {
            ModelState.AddValidationErrors(exception);
            await OnGetAsync(cancellationToken);
            return Page();
        }
    }
}
