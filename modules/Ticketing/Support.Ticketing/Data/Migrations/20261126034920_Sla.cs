using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Support.Ticketing.Data.Migrations
{
    /// <inheritdoc />
    public partial class Sla : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "FirstResponseDueAtUtc",
                table: "ticketing_ticket",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "FirstResponseMet",
                table: "ticketing_ticket",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "FirstResponseWarnAtUtc",
                table: "ticketing_ticket",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "NextResponseDueAtUtc",
                table: "ticketing_ticket",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "NextResponseStartedAtUtc",
                table: "ticketing_ticket",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "NextResponseWarnAtUtc",
                table: "ticketing_ticket",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "NextResponsesBreached",
                table: "ticketing_ticket",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "NextResponsesMet",
                table: "ticketing_ticket",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "ResolutionDueAtUtc",
                table: "ticketing_ticket",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "ResolutionMet",
                table: "ticketing_ticket",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ResolutionWarnAtUtc",
                table: "ticketing_ticket",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "SlaDueAtUtc",
                table: "ticketing_ticket",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "SlaPausedSinceUtc",
                table: "ticketing_ticket",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "SlaPolicyId",
                table: "ticketing_ticket",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SlaPolicyName",
                table: "ticketing_ticket",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "SlaWarnAtUtc",
                table: "ticketing_ticket",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ticketing_sla_pause",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TicketId = table.Column<long>(type: "INTEGER", nullable: false),
                    FromUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ToUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ticketing_sla_pause", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ticketing_sla_pause_ticketing_ticket_TicketId",
                        column: x => x.TicketId,
                        principalTable: "ticketing_ticket",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ticketing_sla_policy",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Severity = table.Column<int>(type: "INTEGER", nullable: false),
                    Contract = table.Column<int>(type: "INTEGER", nullable: false),
                    HelpTopicId = table.Column<long>(type: "INTEGER", nullable: true),
                    FirstResponseMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    NextResponseMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    ResolutionMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    Calendar = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    WarningPercent = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ticketing_sla_policy", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ticketing_sla_policy_ticketing_help_topic_HelpTopicId",
                        column: x => x.HelpTopicId,
                        principalTable: "ticketing_help_topic",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.InsertData(
                table: "ticketing_sla_policy",
                columns: new[] { "Id", "Calendar", "Contract", "FirstResponseMinutes", "HelpTopicId", "Name", "NextResponseMinutes", "ResolutionMinutes", "Severity", "WarningPercent" },
                values: new object[,]
                {
                    { 1L, "24/7", 0, 60, null, "Critique", 60, 480, 2, 75 },
                    { 2L, "24/7", 0, 120, null, "Sérieuse", 120, 1440, 1, 75 },
                    { 3L, "Support hours", 0, 240, null, "Normale", 240, 2400, 0, 75 }
                });

            migrationBuilder.CreateIndex(
                name: "IX_ticketing_ticket_SlaDueAtUtc_Id",
                table: "ticketing_ticket",
                columns: new[] { "SlaDueAtUtc", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ticketing_sla_pause_TicketId",
                table: "ticketing_sla_pause",
                column: "TicketId");

            migrationBuilder.CreateIndex(
                name: "IX_ticketing_sla_policy_HelpTopicId",
                table: "ticketing_sla_policy",
                column: "HelpTopicId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ticketing_sla_pause");

            migrationBuilder.DropTable(
                name: "ticketing_sla_policy");

            migrationBuilder.DropIndex(
                name: "IX_ticketing_ticket_SlaDueAtUtc_Id",
                table: "ticketing_ticket");

            migrationBuilder.DropColumn(
                name: "FirstResponseDueAtUtc",
                table: "ticketing_ticket");

            migrationBuilder.DropColumn(
                name: "FirstResponseMet",
                table: "ticketing_ticket");

            migrationBuilder.DropColumn(
                name: "FirstResponseWarnAtUtc",
                table: "ticketing_ticket");

            migrationBuilder.DropColumn(
                name: "NextResponseDueAtUtc",
                table: "ticketing_ticket");

            migrationBuilder.DropColumn(
                name: "NextResponseStartedAtUtc",
                table: "ticketing_ticket");

            migrationBuilder.DropColumn(
                name: "NextResponseWarnAtUtc",
                table: "ticketing_ticket");

            migrationBuilder.DropColumn(
                name: "NextResponsesBreached",
                table: "ticketing_ticket");

            migrationBuilder.DropColumn(
                name: "NextResponsesMet",
                table: "ticketing_ticket");

            migrationBuilder.DropColumn(
                name: "ResolutionDueAtUtc",
                table: "ticketing_ticket");

            migrationBuilder.DropColumn(
                name: "ResolutionMet",
                table: "ticketing_ticket");

            migrationBuilder.DropColumn(
                name: "ResolutionWarnAtUtc",
                table: "ticketing_ticket");

            migrationBuilder.DropColumn(
                name: "SlaDueAtUtc",
                table: "ticketing_ticket");

            migrationBuilder.DropColumn(
                name: "SlaPausedSinceUtc",
                table: "ticketing_ticket");

            migrationBuilder.DropColumn(
                name: "SlaPolicyId",
                table: "ticketing_ticket");

            migrationBuilder.DropColumn(
                name: "SlaPolicyName",
                table: "ticketing_ticket");

            migrationBuilder.DropColumn(
                name: "SlaWarnAtUtc",
                table: "ticketing_ticket");
        }
    }
}
