using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Support.Host.Identity;
using Support.Host.Web;

namespace Support.Host.Pages.Staff;

/// <summary>Staff sign-in, with lockout after repeated failures and a per-address rate limit.</summary>
[EnableRateLimiting(RateLimits.StaffLogin)]
internal sealed class LoginModel : PageModel
{
    private readonly SignInManager<StaffUser> _signIn;
    private readonly IStringLocalizer<SharedResource> _text;

    public LoginModel(SignInManager<StaffUser> signIn, IStringLocalizer<SharedResource> text)
    {
        _signIn = signIn;
        _text = text;
    }

    [BindProperty]
    [Required(ErrorMessage = "Enter your email address.")]
    [EmailAddress(ErrorMessage = "Enter a valid email address.")]
    public string Email { get; set; } = "";

    [BindProperty]
    [Required(ErrorMessage = "Enter your password.")]
    [DataType(DataType.Password)]
    public string Password { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Message { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await _signIn.PasswordSignInAsync(Email.Trim(), Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/Staff");
        }

        Message = result.IsLockedOut
            ? _text["This account is locked after too many failed attempts. Try again later or ask an admin."]
            : _text["The email or the password is wrong."];
        return Page();
    }
}
