using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Support.Host.Identity;

namespace Support.Host.Pages.Staff;

/// <summary>Signs the member of staff out (a POST, so that a link cannot do it).</summary>
internal sealed class LogoutModel : PageModel
{
    private readonly SignInManager<StaffUser> _signIn;

    public LogoutModel(SignInManager<StaffUser> signIn) => _signIn = signIn;

    public IActionResult OnGet() => RedirectToPage("/Staff/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        await _signIn.SignOutAsync();
        return LocalRedirect("/");
    }
}
