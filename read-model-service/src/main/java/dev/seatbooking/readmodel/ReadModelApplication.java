package dev.seatbooking.readmodel;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The read side of the seat-booking platform: projections of every context's events and the query API. */
@SpringBootApplication
public class ReadModelApplication {

    public static void main(String[] args) {
        SpringApplication.run(ReadModelApplication.class, args);
    }
}
