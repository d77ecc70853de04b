using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Support.Ticketing.Contracts;
using Support.Ticketing.Features.Companies;
using Support.Ticketing.Web;

namespace Support.Ticketing.Areas.Ticketing.Pages.Staff.Companies;

/// <summary>
/// The customer companies, their maintenance contracts and the region they are served from. Every member of
/// staff can look a company up; only admins add or change one (PRODUCT.md: admins manage companies and contracts).
/// </summary>
internal sealed class IndexModel : PageModel
{
    /// <summary>The host's authorization policy for admins.</summary>
    private const string AdminPolicy = "Admin";

    private readonly IMediator _mediator;
    private readonly IStringLocalizer<TicketingResource> _t;
    private readonly IAuthorizationService _authorization;

    public IndexModel(IMediator mediator, IStringLocalizer<TicketingResource> t, IAuthorizationService authorization)
    {
        _mediator = mediator;
        _t = t;
        _authorization = authorization;
    }

    /// <summary>Whether the signed-in member of staff may add and change companies (admins only).</summary>
    public bool CanEdit { get; private set; }

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    [BindProperty]
    public CompanyInput Input { get; set; } = new();

    public IReadOnlyList<CompanyRow> Companies { get; private set; } = [];

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(long? edit, CancellationToken cancellationToken)
    {
        CanEdit = await IsAdminAsync();
        Companies = await _mediator.Send(new CompanyListQuery(Search), cancellationToken);
        if (CanEdit && edit is { } id && Companies.FirstOrDefault(c => c.Id == id) is { } company)
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
        if (!await IsAdminAsync())
        {
            return Forbid();
        }

        CanEdit = true;
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

    private async Task<bool> IsAdminAsync() => (await _authorization.AuthorizeAsync(User, AdminPolicy)).Succeeded;

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
