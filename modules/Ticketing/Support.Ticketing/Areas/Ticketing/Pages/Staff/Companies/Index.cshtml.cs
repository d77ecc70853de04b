using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Support.Ticketing.Features.Companies;
using Support.Ticketing.Web;

namespace Support.Ticketing.Areas.Ticketing.Pages.Staff.Companies;

/// <summary>The customer companies and their maintenance contracts.</summary>
internal sealed class IndexModel : PageModel
{
    private readonly IMediator _mediator;

    public IndexModel(IMediator mediator) => _mediator = mediator;

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    [BindProperty]
    public CompanyInput Input { get; set; } = new();

    public IReadOnlyList<CompanyRow> Companies { get; private set; } = [];

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(long? edit, CancellationToken cancellationToken)
    {
        Companies = await _mediator.Send(new CompanyListQuery(Search), cancellationToken);
        if (edit is { } id && Companies.FirstOrDefault(c => c.Id == id) is { } company)
        {
            Input = new CompanyInput
            {
                Id = company.Id,
                Name = company.Name,
                EmailDomain = company.EmailDomain,
                HasMaintenanceContract = company.HasMaintenanceContract,
                ContractEndsOn = company.ContractEndsOn,
            };
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _mediator.Send(new SaveCompanyCommand(Input.Id, Input.Name, Input.EmailDomain, Input.HasMaintenanceContract, Input.ContractEndsOn), cancellationToken);
            Notice = Input.Name;
            return RedirectToPage();
        }
        catch (ValidationException exception)
        {
            ModelState.AddValidationErrors(exception, nameof(Input));
            Companies = await _mediator.Send(new CompanyListQuery(Search), cancellationToken);
            return Page();
        }
    }

    /// <summary>The company form (no id: a new company).</summary>
    internal sealed class CompanyInput
    {
        public long? Id { get; set; }

        public string? Name { get; set; }

        public string? EmailDomain { get; set; }

        public bool HasMaintenanceContract { get; set; }

        public DateOnly? ContractEndsOn { get; set; }
    }
}
