using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Support.Ticketing.Data.Migrations
{
    /// <inheritdoc />
    public partial class Tickets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ticketing_company",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    NormalizedName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    EmailDomain = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    HasMaintenanceContract = table.Column<bool>(type: "INTEGER", nullable: false),
                    ContractEndsOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ticketing_company", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ticketing_help_topic",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    NameFr = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ticketing_help_topic", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ticketing_settings",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Value = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ticketing_settings", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "ticketing_team_member",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Team = table.Column<int>(type: "INTEGER", nullable: false),
                    StaffId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ticketing_team_member", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ticketing_contact",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    NormalizedEmail = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Department = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    CompanyId = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ticketing_contact", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ticketing_contact_ticketing_company_CompanyId",
                        column: x => x.CompanyId,
                        principalTable: "ticketing_company",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ticketing_ticket",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Priority = table.Column<int>(type: "INTEGER", nullable: false),
                    Severity = table.Column<int>(type: "INTEGER", nullable: false),
                    SeverityClassified = table.Column<bool>(type: "INTEGER", nullable: false),
                    CriticalSituation = table.Column<bool>(type: "INTEGER", nullable: false),
                    HelpTopicId = table.Column<long>(type: "INTEGER", nullable: false),
                    CompanyId = table.Column<long>(type: "INTEGER", nullable: false),
                    CompanyName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    ContactId = table.Column<long>(type: "INTEGER", nullable: false),
                    CustomerName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    CustomerEmail = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    NormalizedCustomerEmail = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    CustomerPhone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Department = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Team = table.Column<int>(type: "INTEGER", nullable: false),
                    AssignedAgentId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    AssignedAgentName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FirstAgentReplyAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ClosedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ticketing_ticket", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ticketing_ticket_ticketing_company_CompanyId",
                        column: x => x.CompanyId,
                        principalTable: "ticketing_company",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ticketing_ticket_ticketing_contact_ContactId",
                        column: x => x.ContactId,
                        principalTable: "ticketing_contact",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ticketing_ticket_ticketing_help_topic_HelpTopicId",
                        column: x => x.HelpTopicId,
                        principalTable: "ticketing_help_topic",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ticketing_access_link",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TicketId = table.Column<long>(type: "INTEGER", nullable: false),
                    TokenHash = table.Column<byte[]>(type: "BLOB", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExpiresAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RevokedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastUsedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ticketing_access_link", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ticketing_access_link_ticketing_ticket_TicketId",
                        column: x => x.TicketId,
                        principalTable: "ticketing_ticket",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ticketing_thread_entry",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TicketId = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    AuthorName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    AuthorStaffId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    BodyHtml = table.Column<string>(type: "TEXT", nullable: false),
                    BodyText = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ticketing_thread_entry", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ticketing_thread_entry_ticketing_ticket_TicketId",
                        column: x => x.TicketId,
                        principalTable: "ticketing_ticket",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ticketing_ticket_change",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TicketId = table.Column<long>(type: "INTEGER", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Actor = table.Column<string>(type: "TEXT", nullable: false),
                    ActorStaffId = table.Column<string>(type: "TEXT", nullable: true),
                    Field = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    OldValue = table.Column<string>(type: "TEXT", nullable: true),
                    NewValue = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ticketing_ticket_change", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ticketing_ticket_change_ticketing_ticket_TicketId",
                        column: x => x.TicketId,
                        principalTable: "ticketing_ticket",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ticketing_ticket_field_value",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TicketId = table.Column<long>(type: "INTEGER", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Value = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    CapturedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ticketing_ticket_field_value", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ticketing_ticket_field_value_ticketing_ticket_TicketId",
                        column: x => x.TicketId,
                        principalTable: "ticketing_ticket",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ticketing_time_entry",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TicketId = table.Column<long>(type: "INTEGER", nullable: false),
                    CompanyId = table.Column<long>(type: "INTEGER", nullable: false),
                    AgentId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    AgentName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Minutes = table.Column<int>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Billable = table.Column<bool>(type: "INTEGER", nullable: false),
                    WorkedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ticketing_time_entry", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ticketing_time_entry_ticketing_ticket_TicketId",
                        column: x => x.TicketId,
                        principalTable: "ticketing_ticket",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ticketing_attachment",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ThreadEntryId = table.Column<long>(type: "INTEGER", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    BlobKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ticketing_attachment", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ticketing_attachment_ticketing_thread_entry_ThreadEntryId",
                        column: x => x.ThreadEntryId,
                        principalTable: "ticketing_thread_entry",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "ticketing_help_topic",
                columns: new[] { "Id", "Active", "Key", "NameEn", "NameFr", "SortOrder" },
                values: new object[,]
                {
                    { 1L, true, "mailbox", "Mailbox", "Boîte mail", 10 },
                    { 2L, true, "printer", "Printer", "Imprimante", 20 },
                    { 3L, true, "internet", "Internet", "Internet", 30 },
                    { 4L, true, "workstation", "Workstation", "Poste de travail", 40 },
                    { 5L, true, "server", "Server", "Serveur", 50 },
                    { 6L, true, "telephony", "Telephony", "Téléphonie", 60 },
                    { 7L, true, "other", "Other", "Autre", 70 }
                });

            migrationBuilder.CreateIndex(
                name: "IX_ticketing_access_link_TicketId",
                table: "ticketing_access_link",
                column: "TicketId");

            migrationBuilder.CreateIndex(
                name: "IX_ticketing_access_link_TokenHash",
                table: "ticketing_access_link",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ticketing_attachment_ThreadEntryId",
                table: "ticketing_attachment",
                column: "ThreadEntryId");

            migrationBuilder.CreateIndex(
                name: "IX_ticketing_company_EmailDomain",
                table: "ticketing_company",
                column: "EmailDomain");

            migrationBuilder.CreateIndex(
                name: "IX_ticketing_company_NormalizedName",
                table: "ticketing_company",
                column: "NormalizedName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ticketing_contact_CompanyId",
                table: "ticketing_contact",
                column: "CompanyId");

            migrationBuilder.CreateIndex(
                name: "IX_ticketing_contact_NormalizedEmail",
                table: "ticketing_contact",
                column: "NormalizedEmail",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ticketing_help_topic_Key",
                table: "ticketing_help_topic",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ticketing_team_member_Team_StaffId",
                table: "ticketing_team_member",
                columns: new[] { "Team", "StaffId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ticketing_thread_entry_TicketId_Id",
                table: "ticketing_thread_entry",
                columns: new[] { "TicketId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ticketing_ticket_AssignedAgentId_Status_UpdatedAtUtc_Id",
                table: "ticketing_ticket",
                columns: new[] { "AssignedAgentId", "Status", "UpdatedAtUtc", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ticketing_ticket_CompanyId_UpdatedAtUtc",
                table: "ticketing_ticket",
                columns: new[] { "CompanyId", "UpdatedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ticketing_ticket_ContactId",
                table: "ticketing_ticket",
                column: "ContactId");

            migrationBuilder.CreateIndex(
                name: "IX_ticketing_ticket_CriticalSituation_Status_UpdatedAtUtc_Id",
                table: "ticketing_ticket",
                columns: new[] { "CriticalSituation", "Status", "UpdatedAtUtc", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ticketing_ticket_HelpTopicId",
                table: "ticketing_ticket",
                column: "HelpTopicId");

            migrationBuilder.CreateIndex(
                name: "IX_ticketing_ticket_NormalizedCustomerEmail_Number",
                table: "ticketing_ticket",
                columns: new[] { "NormalizedCustomerEmail", "Number" });

            migrationBuilder.CreateIndex(
                name: "IX_ticketing_ticket_Number",
                table: "ticketing_ticket",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ticketing_ticket_Severity_Status_UpdatedAtUtc_Id",
                table: "ticketing_ticket",
                columns: new[] { "Severity", "Status", "UpdatedAtUtc", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ticketing_ticket_Status_Priority_Id",
                table: "ticketing_ticket",
                columns: new[] { "Status", "Priority", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ticketing_ticket_Status_UpdatedAtUtc_Id",
                table: "ticketing_ticket",
                columns: new[] { "Status", "UpdatedAtUtc", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ticketing_ticket_Team_Status_UpdatedAtUtc_Id",
                table: "ticketing_ticket",
                columns: new[] { "Team", "Status", "UpdatedAtUtc", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ticketing_ticket_change_TicketId_Id",
                table: "ticketing_ticket_change",
                columns: new[] { "TicketId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ticketing_ticket_field_value_TicketId",
                table: "ticketing_ticket_field_value",
                column: "TicketId");

            migrationBuilder.CreateIndex(
                name: "IX_ticketing_time_entry_TicketId",
                table: "ticketing_time_entry",
                column: "TicketId");

            migrationBuilder.CreateIndex(
                name: "IX_ticketing_time_entry_WorkedOn_CompanyId",
                table: "ticketing_time_entry",
                columns: new[] { "WorkedOn", "CompanyId" });
            TicketSearchIndex.Create(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            TicketSearchIndex.Drop(migrationBuilder);

            migrationBuilder.DropTable(
                name: "ticketing_access_link");

            migrationBuilder.DropTable(
                name: "ticketing_attachment");

            migrationBuilder.DropTable(
                name: "ticketing_settings");

            migrationBuilder.DropTable(
                name: "ticketing_team_member");

            migrationBuilder.DropTable(
                name: "ticketing_ticket_change");

            migrationBuilder.DropTable(
                name: "ticketing_ticket_field_value");

            migrationBuilder.DropTable(
                name: "ticketing_time_entry");

            migrationBuilder.DropTable(
                name: "ticketing_thread_entry");

            migrationBuilder.DropTable(
                name: "ticketing_ticket");

            migrationBuilder.DropTable(
                name: "ticketing_contact");

            migrationBuilder.DropTable(
                name: "ticketing_help_topic");

            migrationBuilder.DropTable(
                name: "ticketing_company");
        }
    }
}
