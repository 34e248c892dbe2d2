using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpsConsole.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class HallApplicantPath : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "IdNumberMasked",
                table: "Tickets",
                type: "nvarchar(18)",
                maxLength: 18,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ServiceItemId",
                table: "Tickets",
                type: "int",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "NearTurnNotices",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    TicketId = table.Column<int>(type: "int", nullable: false),
                    QueueId = table.Column<int>(type: "int", nullable: false),
                    ServiceDay = table.Column<DateOnly>(type: "date", nullable: false),
                    Phone = table.Column<string>(type: "nvarchar(11)", maxLength: 11, nullable: false),
                    PhoneMasked = table.Column<string>(type: "nvarchar(11)", maxLength: 11, nullable: false),
                    WhenAhead = table.Column<int>(type: "int", nullable: false),
                    State = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Attempts = table.Column<int>(type: "int", nullable: false),
                    LastError = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    SentAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    PurgedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NearTurnNotices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NearTurnNotices_Tickets_TicketId",
                        column: x => x.TicketId,
                        principalTable: "Tickets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_ServiceItemId",
                table: "Tickets",
                column: "ServiceItemId");

            migrationBuilder.CreateIndex(
                name: "IX_NearTurnNotices_ServiceDay_QueueId_State",
                table: "NearTurnNotices",
                columns: new[] { "ServiceDay", "QueueId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_NearTurnNotices_TicketId",
                table: "NearTurnNotices",
                column: "TicketId");

            migrationBuilder.AddForeignKey(
                name: "FK_Tickets_ServiceItems_ServiceItemId",
                table: "Tickets",
                column: "ServiceItemId",
                principalTable: "ServiceItems",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Tickets_ServiceItems_ServiceItemId",
                table: "Tickets");

            migrationBuilder.DropTable(
                name: "NearTurnNotices");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_ServiceItemId",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "IdNumberMasked",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "ServiceItemId",
                table: "Tickets");
        }
    }
}
