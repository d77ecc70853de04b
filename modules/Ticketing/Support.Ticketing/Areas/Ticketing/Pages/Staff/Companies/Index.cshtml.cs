using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Support.Ticketing.Contracts;
using Support.Ticketing.Features.Companies;
using Support.Ticketing.Web;

namespace Support.Ticketing.Areas.Ticketing.Pages.Staff.Companies;

/// <summary>The customer companies, their maintenance contracts and the region they are served from.</summary>
internal sealed class IndexModel : PageModel
{
    private readonly IMediator _mediator;
    private readonly IStringLocalizer<TicketingResource> _t;

    public IndexModel(IMediator mediator, IStringLocalizer<TicketingResource> t)
    {
        _mediator = mediator;
        _t = t;
    }

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
                Region = company.Region,
            };
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        // A region that is not one of the list's would otherwise bind as "no region" and be saved silently.
        var regionKey = $"{nameof(Input)}.{nameof(CompanyInput.Region)}";
        if (ModelState[regionKey]?.Errors.Count > 0)
        {
            ModelState.Remove(regionKey);
            ModelState.AddModelError(regionKey, _t["Choose a region from the list."]);
            Companies = await _mediator.Send(new CompanyListQuery(Search), cancellationToken);
            return Page();
        }

        try
        {
            await _mediator.Send(new SaveCompanyCommand(Input.Id, Input.Name, Input.EmailDomain, Input.HasMaintenanceContract, Input.ContractEndsOn, Input.Region), cancellationToken);
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

        /// <summary>The region the company is served from; none: the installation's default escalation chain.</summary>
        public SupportRegion? Region { get; set; }
    }
}
