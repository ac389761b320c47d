package io.brigade.protocol.sales;

/** How a payment was made. */
public enum PaymentMethod { Cash, Credit, Online, PhonePayment, ExternalPayment }
