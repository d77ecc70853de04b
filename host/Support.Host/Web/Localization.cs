using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace Support.Host.Web;

/// <summary>The portal and console speak French (the reference wording) and English.</summary>
internal static class Localization
{
    public static readonly CultureInfo[] Cultures = [new("fr"), new("en")];

    public static RequestLocalizationOptions Options()
    {
        var options = new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture("fr"),
            SupportedCultures = Cultures,
            SupportedUICultures = Cultures,
            FallBackToParentCultures = true,
            FallBackToParentUICultures = true,
        };

        // The visitor's choice (cookie) wins over the browser's languages.
        options.RequestCultureProviders =
        [
            new CookieRequestCultureProvider(),
            new AcceptLanguageHeaderRequestCultureProvider(),
        ];
        return options;
    }
}
