using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Support.Workflows.Areas.Workflows.Pages.Staff.Admin.Workflows;

/// <summary>Shows a refused command's messages in the page's validation summary.</summary>
internal static class PageErrors
{
    public static void AddValidationErrors(this ModelStateDictionary modelState, ValidationException exception)
    {
        foreach (var error in exception.Errors)
        {
            modelState.AddModelError(string.Empty, error.ErrorMessage);
        }
    }

    public static string Utc(DateTime value) => value.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) + " UTC";
}
