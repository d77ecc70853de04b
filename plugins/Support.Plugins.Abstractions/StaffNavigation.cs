namespace Support.Plugins.Abstractions;

/// <summary>An entry a plugin adds to the staff console's menu.</summary>
/// <param name="Label">The label by culture name.</param>
/// <param name="Path">The page's path, under <c>/Staff/Plugins/&lt;Id&gt;/</c>.</param>
public sealed record StaffNavigationItem(IReadOnlyDictionary<string, string> Label, string Path)
{
    /// <summary>
    /// Shown under the Administration menu, to admins only. Put the page under
    /// <c>Pages/Staff/Plugins/&lt;Id&gt;/Admin/</c>: the host lets only admins reach that folder.
    /// </summary>
    public bool AdminOnly { get; init; }
}

/// <summary>Adds entries to the staff console's menu.</summary>
public interface IStaffNavigationContributor
{
    IEnumerable<StaffNavigationItem> Items { get; }
}
