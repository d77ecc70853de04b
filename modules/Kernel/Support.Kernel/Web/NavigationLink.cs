namespace Support.Kernel.Web;

/// <summary>Where a navigation link appears.</summary>
public enum NavigationArea
{
    /// <summary>The public portal's top navigation.</summary>
    Portal,

    /// <summary>The staff console's navigation, for every member of staff.</summary>
    Staff,

    /// <summary>The staff console's Admin menu, for admins only.</summary>
    Admin,
}

/// <summary>A link a module adds to the portal or console navigation (register it as a singleton).</summary>
/// <param name="Area">Where the link appears.</param>
/// <param name="Order">Position among the area's links, ascending.</param>
/// <param name="Href">The link's target, app-relative.</param>
/// <param name="English">The label in English.</param>
/// <param name="French">The label in French, the reference wording.</param>
public sealed record NavigationLink(NavigationArea Area, int Order, string Href, string English, string French)
{
    /// <summary>The label in the given UI language (French unless English is asked for).</summary>
    public string Label(System.Globalization.CultureInfo culture) =>
        culture.TwoLetterISOLanguageName == "en" ? English : French;
}
