using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Support.Host.Identity;

namespace Support.Host.Pages.Staff.Account;

/// <summary>A member of staff changes their own password (the first admin replaces the generated one here).</summary>
internal sealed class PasswordModel : PageModel
{
    private readonly UserManager<StaffUser> _users;
    private readonly SignInManager<StaffUser> _signIn;
    private readonly IStringLocalizer<SharedResource> _text;

    public PasswordModel(UserManager<StaffUser> users, SignInManager<StaffUser> signIn, IStringLocalizer<SharedResource> text)
    {
        _users = users;
        _signIn = signIn;
        _text = text;
    }

    [BindProperty]
    [Required(ErrorMessage = "Enter your password.")]
    [DataType(DataType.Password)]
    public string CurrentPassword { get; set; } = "";

    [BindProperty]
    [Required(ErrorMessage = "Enter a password.")]
    [StringLength(200, MinimumLength = 12, ErrorMessage = "The password needs at least 12 characters.")]
    [DataType(DataType.Password)]
    public string NewPassword { get; set; } = "";

    [TempData]
    public string? Notice { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await _users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var changed = await _users.ChangePasswordAsync(user, CurrentPassword, NewPassword);
        if (!changed.Succeeded)
        {
            var wrongCurrent = changed.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch));
            ModelState.AddModelError(string.Empty, wrongCurrent
                ? _text["The current password is wrong."]
                : string.Join(" ", changed.Errors.Select(e => e.Description)));
            return Page();
        }

        await _signIn.RefreshSignInAsync(user);
        Notice = _text["Your password is changed."];
        return RedirectToPage();
    }
}
