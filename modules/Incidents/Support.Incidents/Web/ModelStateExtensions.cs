using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Support.Incidents.Web;

/// <summary>Puts a command's validation failures next to the form fields they concern.</summary>
internal static class ModelStateExtensions
{
    public static void AddValidationErrors(this ModelStateDictionary modelState, ValidationException exception, string prefix)
    {
        foreach (var failure in exception.Errors)
        {
            var key = string.IsNullOrEmpty(failure.PropertyName) ? "" : (prefix.Length == 0 ? failure.PropertyName : prefix + "." + failure.PropertyName);
            modelState.AddModelError(key, failure.ErrorMessage);
        }
    }
}
