using System.Security.Claims;
using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Support.Kernel.Staff;
using Support.KnowledgeBase.Features.Authoring;

namespace Support.KnowledgeBase.Web;

/// <summary>What the staff pages share: who is signed in, and where a command's validation failures go.</summary>
internal static class StaffPages
{
    public static async Task<Author> CurrentAuthorAsync(this ClaimsPrincipal user, IStaffDirectory staff, CancellationToken cancellationToken)
    {
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("No member of staff is signed in.");
        var member = await staff.FindAsync(id, cancellationToken);
        return new Author(id, member?.DisplayName is { Length: > 0 } name ? name : user.Identity?.Name ?? id);
    }

    public static void AddValidationErrors(this ModelStateDictionary modelState, ValidationException exception, string prefix)
    {
        foreach (var failure in exception.Errors)
        {
            modelState.AddModelError(prefix.Length == 0 ? failure.PropertyName : prefix + "." + failure.PropertyName, failure.ErrorMessage);
        }
    }
}
