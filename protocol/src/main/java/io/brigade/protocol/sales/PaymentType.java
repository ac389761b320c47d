package io.brigade.protocol.sales;

/** Direction of a payment line: money taken or money given back. */
public enum PaymentType { Sale, Refund }
