namespace Support.Ticketing.Domain;

/// <summary>The help topics a new installation offers (PRODUCT.md); admins edit them afterwards.</summary>
internal static class DefaultHelpTopics
{
    public static readonly object[] All =
    [
        Topic(1, "mailbox", "Boîte mail", "Mailbox"),
        Topic(2, "printer", "Imprimante", "Printer"),
        Topic(3, "internet", "Internet", "Internet"),
        Topic(4, "workstation", "Poste de travail", "Workstation"),
        Topic(5, "server", "Serveur", "Server"),
        Topic(6, "telephony", "Téléphonie", "Telephony"),
        Topic(7, "other", "Autre", "Other"),
    ];

    private static object Topic(long id, string key, string nameFr, string nameEn) => new
    {
        Id = id,
        Key = key,
        NameFr = nameFr,
        NameEn = nameEn,
        SortOrder = (int)id * 10,
        Active = true,
    };
}
