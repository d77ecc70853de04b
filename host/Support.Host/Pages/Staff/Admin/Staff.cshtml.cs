using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Support.Host.Identity;

namespace Support.Host.Pages.Staff.Admin;

/// <summary>Admins list the staff accounts and create agents and admins.</summary>
internal sealed class StaffModel : PageModel
{
    private readonly UserManager<StaffUser> _users;
    private readonly TimeProvider _clock;
    private readonly IStringLocalizer<SharedResource> _text;

    public StaffModel(UserManager<StaffUser> users, TimeProvider clock, IStringLocalizer<SharedResource> text)
    {
        _users = users;
        _clock = clock;
        _text = text;
    }

    [BindProperty]
    public NewStaffInput Input { get; set; } = new();

    [TempData]
    public string? Notice { get; set; }

    public IReadOnlyList<StaffMember> Members { get; private set; } = [];

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        if (ModelState.IsValid)
        {
            var user = new StaffUser
            {
                UserName = Input.Email.Trim(),
                Email = Input.Email.Trim(),
                EmailConfirmed = true,
                DisplayName = Input.DisplayName.Trim(),
                CreatedAtUtc = _clock.GetUtcNow().UtcDateTime,
            };
            var created = await _users.CreateAsync(user, Input.Password);
            if (created.Succeeded)
            {
                await _users.AddToRoleAsync(user, Input.Role == StaffRoles.Admin ? StaffRoles.Admin : StaffRoles.Agent);
                Notice = _text["The account {0} is created.", user.Email];
                return RedirectToPage();
            }

            foreach (var error in created.Errors)
            {
                ModelState.AddModelError(string.Empty, error.Description);
            }
        }

        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        var users = await _users.Users.OrderBy(u => u.DisplayName).AsNoTracking().ToListAsync();
        var now = _clock.GetUtcNow();
        var members = new List<StaffMember>(users.Count);
        foreach (var user in users)
        {
            var roles = await _users.GetRolesAsync(user);
            members.Add(new StaffMember(user.DisplayName, user.Email ?? "", roles.Order().ToList(), user.LockoutEnd > now));
        }

        Members = members;
    }

    public sealed record StaffMember(string DisplayName, string Email, IReadOnlyList<string> Roles, bool LockedOut);

    public sealed class NewStaffInput
    {
        [Required(ErrorMessage = "Enter a name.")]
        [StringLength(200)]
        public string DisplayName { get; set; } = "";

        [Required(ErrorMessage = "Enter an email address.")]
        [EmailAddress(ErrorMessage = "Enter a valid email address.")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Enter a password.")]
        [StringLength(200, MinimumLength = 12, ErrorMessage = "The password needs at least 12 characters.")]
        [DataType(DataType.Password)]
        public string Password { get; set; } = "";

        public string Role { get; set; } = StaffRoles.Agent;
    }
}
