namespace Support.Plugins.Abstractions;

/// <summary>An entry a plugin adds to the staff console's menu.</summary>
/// <param name="Label">The label by culture name.</param>
/// <param name="Path">The page's path, under <c>/Staff/Plugins/&lt;Id&gt;/</c>.</param>
public sealed record StaffNavigationItem(IReadOnlyDictionary<string, string> Label, string Path);

/// <summary>Adds entries to the staff console's menu.</summary>
public interface IStaffNavigationContributor
{
    IEnumerable<StaffNavigationItem> Items { get; }
}
