using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Support.Escalation.Data.Migrations
{
    /// <inheritdoc />
    public partial class Escalations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "escalation_contact",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Region = table.Column<int>(type: "INTEGER", nullable: false),
                    Level = table.Column<int>(type: "INTEGER", nullable: false),
                    Role = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    Hours = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_escalation_contact", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "escalation_contact_call",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EscalationId = table.Column<long>(type: "INTEGER", nullable: false),
                    Level = table.Column<int>(type: "INTEGER", nullable: false),
                    Role = table.Column<int>(type: "INTEGER", nullable: false),
                    ContactName = table.Column<string>(type: "TEXT", nullable: false),
                    ContactEmail = table.Column<string>(type: "TEXT", nullable: false),
                    CalledAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    TokenHash = table.Column<byte[]>(type: "BLOB", nullable: false),
                    ExpiresAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UsedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_escalation_contact_call", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "escalation_expert_team",
                columns: table => new
                {
                    Team = table.Column<int>(type: "INTEGER", nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_escalation_expert_team", x => x.Team);
                });

            migrationBuilder.CreateTable(
                name: "escalation_reclassification_request",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TicketId = table.Column<long>(type: "INTEGER", nullable: false),
                    Number = table.Column<string>(type: "TEXT", nullable: false),
                    CurrentSeverity = table.Column<int>(type: "INTEGER", nullable: false),
                    WantedSeverity = table.Column<int>(type: "INTEGER", nullable: false),
                    Justification = table.Column<string>(type: "TEXT", nullable: false),
                    RequestedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    DecidedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", nullable: true),
                    DeclineReason = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_escalation_reclassification_request", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "escalation_team_hand_off",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TicketId = table.Column<long>(type: "INTEGER", nullable: false),
                    Number = table.Column<string>(type: "TEXT", nullable: false),
                    Team = table.Column<int>(type: "INTEGER", nullable: false),
                    Level = table.Column<int>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", nullable: false),
                    AgentName = table.Column<string>(type: "TEXT", nullable: false),
                    AgentId = table.Column<string>(type: "TEXT", nullable: true),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_escalation_team_hand_off", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "escalation_ticket_escalation",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TicketId = table.Column<long>(type: "INTEGER", nullable: false),
                    Number = table.Column<string>(type: "TEXT", nullable: false),
                    Source = table.Column<int>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", nullable: false),
                    Region = table.Column<int>(type: "INTEGER", nullable: false),
                    Level = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    OpenedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AcknowledgedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AcknowledgedBy = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_escalation_ticket_escalation", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "escalation_contact",
                columns: new[] { "Id", "Email", "Hours", "Level", "Name", "Phone", "Region", "Role" },
                values: new object[,]
                {
                    { 1L, "support.europe@example.com", "24/7", 1, "Support desk Europe", "+33 1 00 00 00 01", 0, 0 },
                    { 2L, "service.manager.europe@example.com", "Mon–Fri 08:00–18:00 CET", 2, "Customer-service manager Europe", "+33 1 00 00 00 02", 0, 1 },
                    { 3L, "director.europe@example.com", "Mon–Fri 09:00–17:00 CET", 3, "Director Europe", "+33 1 00 00 00 03", 0, 2 },
                    { 4L, "support.na@example.com", "24/7", 1, "Support desk North America", "+1 555 000 0001", 1, 0 },
                    { 5L, "service.manager.na@example.com", "Mon–Fri 08:00–18:00 ET", 2, "Customer-service manager North America", "+1 555 000 0002", 1, 1 },
                    { 6L, "director.na@example.com", "Mon–Fri 09:00–17:00 ET", 3, "Director North America", "+1 555 000 0003", 1, 2 }
                });

            migrationBuilder.InsertData(
                table: "escalation_expert_team",
                columns: new[] { "Team", "Email" },
                values: new object[,]
                {
                    { 0, "development@example.com" },
                    { 1, "it.operations@example.com" },
                    { 2, "management@example.com" }
                });

            migrationBuilder.CreateIndex(
                name: "IX_escalation_contact_Region_Level",
                table: "escalation_contact",
                columns: new[] { "Region", "Level" });

            migrationBuilder.CreateIndex(
                name: "IX_escalation_contact_call_EscalationId_Id",
                table: "escalation_contact_call",
                columns: new[] { "EscalationId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_escalation_contact_call_TokenHash",
                table: "escalation_contact_call",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_escalation_reclassification_request_TicketId_Id",
                table: "escalation_reclassification_request",
                columns: new[] { "TicketId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_escalation_team_hand_off_AtUtc",
                table: "escalation_team_hand_off",
                column: "AtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_escalation_team_hand_off_TicketId_Id",
                table: "escalation_team_hand_off",
                columns: new[] { "TicketId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_escalation_ticket_escalation_OpenedAtUtc",
                table: "escalation_ticket_escalation",
                column: "OpenedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_escalation_ticket_escalation_TicketId_Id",
                table: "escalation_ticket_escalation",
                columns: new[] { "TicketId", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "escalation_contact");

            migrationBuilder.DropTable(
                name: "escalation_contact_call");

            migrationBuilder.DropTable(
                name: "escalation_expert_team");

            migrationBuilder.DropTable(
                name: "escalation_reclassification_request");

            migrationBuilder.DropTable(
                name: "escalation_team_hand_off");

            migrationBuilder.DropTable(
                name: "escalation_ticket_escalation");
        }
    }
}
